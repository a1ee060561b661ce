namespace CoCreation.Notifications.Model;

/// <summary>One message in a person's in-app inbox.</summary>
public sealed class Notification
{
    public Guid Id { get; private set; }

    public string RecipientPersonId { get; private set; } = "";

    /// <summary>What happened, as a stable kebab-case key clients can switch on (for example "idea-published").</summary>
    public string Kind { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    /// <summary>The API path of what the notification is about.</summary>
    public string Link { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    /// <summary>The trace of the request that caused it, so an operator can follow a notification back to its origin.</summary>
    public string? CausedByTraceId { get; private set; }

    private Notification()
    {
    }

    public static Notification Create(string recipientPersonId, string kind, string title, string body, string link, DateTime now, string? causedByTraceId) => new()
    {
        Id = Guid.CreateVersion7(),
        RecipientPersonId = recipientPersonId,
        Kind = kind,
        Title = title,
        Body = body,
        Link = link,
        CreatedAt = now,
        CausedByTraceId = causedByTraceId,
    };

    public void MarkRead(DateTime now) => ReadAt ??= now;
}
