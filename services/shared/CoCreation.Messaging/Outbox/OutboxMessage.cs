using System.Diagnostics;
using System.Text.Json;

namespace CoCreation.Messaging.Outbox;

/// <summary>An integration event waiting to be published. Its <see cref="Id"/> becomes the message's MessageId.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; private set; }

    /// <summary>Type name and assembly, enough to deserialize the body again.</summary>
    public string MessageType { get; private set; } = "";

    public string Body { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? SentAt { get; internal set; }

    public int Attempts { get; internal set; }

    public DateTime NextAttemptAt { get; internal set; }

    public string? LastError { get; internal set; }

    /// <summary>W3C trace context of the request that caused the event, so the publish joins its trace.</summary>
    public string? TraceParent { get; private set; }

    public string? CorrelationId { get; private set; }

    private OutboxMessage()
    {
    }

    public static OutboxMessage For<TEvent>(TEvent integrationEvent, DateTime now, string? correlationId = null)
        where TEvent : class
    {
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(integrationEvent, type, MessageJson.Options),
            CreatedAt = now,
            NextAttemptAt = now,
            TraceParent = Activity.Current?.Id,
            CorrelationId = correlationId,
        };
    }

    internal (object Message, Type Type) Deserialize()
    {
        var type = Type.GetType(MessageType, throwOnError: true)!;
        var message = JsonSerializer.Deserialize(Body, type, MessageJson.Options)
            ?? throw new InvalidOperationException($"Outbox message {Id} has an empty body.");
        return (message, type);
    }
}

internal static class MessageJson
{
    public static readonly JsonSerializerOptions Options = CoCreation.IntegrationEvents.PlatformJson.Options;
}
