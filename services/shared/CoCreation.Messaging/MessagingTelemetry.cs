using System.Diagnostics;

namespace CoCreation.Messaging;

internal static class MessagingTelemetry
{
    /// <summary>Listened to by ServiceDefaults, so outbox publishes appear in the request's trace.</summary>
    public static readonly ActivitySource ActivitySource = new("CoCreation.Messaging");
}
