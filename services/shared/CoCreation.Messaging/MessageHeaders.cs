namespace CoCreation.Messaging;

/// <summary>Headers the platform adds to its messages, beyond MassTransit's own.</summary>
public static class MessageHeaders
{
    /// <summary>The correlation id of the HTTP request that caused the message, for the consumers' logs.</summary>
    public const string CorrelationId = "X-Correlation-Id";
}
