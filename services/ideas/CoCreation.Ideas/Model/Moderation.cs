namespace CoCreation.Ideas.Model;

/// <summary>Anyone signed in may report an idea or a comment; a moderator resolves the report by acting or dismissing.</summary>
public sealed class Report
{
    public Guid Id { get; private set; }

    public ModerationTarget TargetKind { get; private set; }

    public Guid TargetId { get; private set; }

    /// <summary>The idea the target is, or belongs to: where a moderator goes to look.</summary>
    public Guid IdeaId { get; private set; }

    public ReportReason Reason { get; private set; }

    public string Details { get; private set; } = "";

    public string ReporterPersonId { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    private Report()
    {
    }

    public static Report File(ModerationTarget targetKind, Guid targetId, Guid ideaId, ReportReason reason, string details, string reporterPersonId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        TargetKind = targetKind,
        TargetId = targetId,
        IdeaId = ideaId,
        Reason = reason,
        Details = details,
        ReporterPersonId = reporterPersonId,
        CreatedAt = now,
    };

    public void Resolve(DateTime now) => ResolvedAt ??= now;
}

/// <summary>The audit of moderation: what a moderator did to what, when and why. Never deleted.</summary>
public sealed record ModerationAction(
    Guid Id,
    ModerationTarget TargetKind,
    Guid TargetId,
    Guid IdeaId,
    ModerationActionKind Action,
    string Reason,
    string ModeratorPersonId,
    DateTime At);

public enum ModerationTarget
{
    Idea,
    Comment,
}

public enum ModerationActionKind
{
    Hidden,
    Unhidden,
    Archived,
    ReportDismissed,
}

public enum ReportReason
{
    Spam,
    Offensive,
    OffTopic,
    PersonalData,
    Other,
}
