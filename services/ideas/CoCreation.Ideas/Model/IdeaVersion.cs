namespace CoCreation.Ideas.Model;

/// <summary>One recorded change of an idea: who, when, what kind of change, and each field's value before and after.</summary>
public sealed class IdeaVersion
{
    public Guid IdeaId { get; private set; }

    public int Number { get; private set; }

    public VersionChange Change { get; private set; }

    public string ChangedByPersonId { get; private set; } = "";

    public DateTime ChangedAt { get; private set; }

    public List<FieldChange> Fields { get; private set; } = [];

    /// <summary>A moderator's reason, for archiving and hiding.</summary>
    public string? Reason { get; private set; }

    private IdeaVersion()
    {
    }

    internal IdeaVersion(Guid ideaId, int number, VersionChange change, string changedByPersonId, DateTime changedAt, List<FieldChange> fields, string? reason)
    {
        IdeaId = ideaId;
        Number = number;
        Change = change;
        ChangedByPersonId = changedByPersonId;
        ChangedAt = changedAt;
        Fields = fields;
        Reason = reason;
    }
}

public sealed record FieldChange(string Field, string? Before, string? After);

public enum VersionChange
{
    Created,
    Updated,
    Published,
    Withdrawn,
    PartnerFound,
    ConvertedToProject,
    Archived,
    Hidden,
    Unhidden,
}
