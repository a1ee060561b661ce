namespace CoCreation.Messaging.Inbox;

/// <summary>The record that a consumer handled a message; saved in the same transaction as the consumer's effect.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; private set; }

    public string Consumer { get; private set; } = "";

    public DateTime HandledAt { get; private set; }

    private InboxMessage()
    {
    }

    public InboxMessage(Guid messageId, string consumer, DateTime handledAt)
    {
        MessageId = messageId;
        Consumer = consumer;
        HandledAt = handledAt;
    }
}
