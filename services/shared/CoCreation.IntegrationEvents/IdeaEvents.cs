namespace CoCreation.IntegrationEvents;

// Events the ideas service publishes. Each carries what matching and notifications need (themes, environments,
// competences, owner organisation, language), so that no consumer has to call the ideas service back.

/// <summary>An idea became visible to everyone.</summary>
public sealed record IdeaPublished(
    Guid IdeaId,
    IdeaKind Kind,
    string Title,
    string Summary,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Environments,
    IReadOnlyList<string> SoughtCompetences,
    string Language,
    string OwnerPersonId,
    Guid OwnerOrganisationId,
    DateTimeOffset PublishedAt)
{
    public IReadOnlyList<string> AgeGroups { get; init; } = [];

    /// <summary>The challenge the idea answers, if any.</summary>
    public Guid? ChallengeId { get; init; }

    /// <summary>The idea's version at publication; a consumer ignores an older copy than the one it holds.</summary>
    public int Version { get; init; }
}

/// <summary>A published idea's content changed. The whole new content, so a consumer replaces its copy.</summary>
public sealed record IdeaUpdated(
    Guid IdeaId,
    IdeaKind Kind,
    IdeaStatus Status,
    string Title,
    string Summary,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Environments,
    IReadOnlyList<string> AgeGroups,
    IReadOnlyList<string> SoughtCompetences,
    string Language,
    Guid? ChallengeId,
    string OwnerPersonId,
    Guid OwnerOrganisationId,
    int Version,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> ChangedFields);

/// <summary>
/// A moderator hid an idea or a comment (<c>TargetKind</c> "idea" or "comment"), so that its author hears why. Hidden
/// content is never deleted: the moderation audit keeps it, and a moderator can show it again.
/// </summary>
public sealed record ContentHidden(Guid IdeaId, string IdeaTitle, string TargetKind, Guid TargetId, string AuthorPersonId, string Reason, DateTimeOffset HiddenAt);

/// <summary>The owner took a published idea back: it no longer looks for partners.</summary>
public sealed record IdeaWithdrawn(Guid IdeaId, string Title, string OwnerPersonId, Guid OwnerOrganisationId, DateTimeOffset WithdrawnAt);

/// <summary>Any move of an idea through its lifecycle (published, withdrawn, partner found, converted, archived).</summary>
public sealed record IdeaStatusChanged(
    Guid IdeaId,
    string Title,
    IdeaStatus From,
    IdeaStatus To,
    string OwnerPersonId,
    Guid OwnerOrganisationId,
    DateTimeOffset ChangedAt);

/// <summary>Someone commented on a published idea, or replied to a comment.</summary>
public sealed record CommentAdded(
    Guid CommentId,
    Guid IdeaId,
    string IdeaTitle,
    string IdeaOwnerPersonId,
    Guid IdeaOwnerOrganisationId,
    Guid? ParentCommentId,
    string? ParentCommentAuthorPersonId,
    string AuthorPersonId,
    string Excerpt,
    DateTimeOffset AddedAt);

/// <summary>A city unit opened a time-boxed challenge that ideas can answer.</summary>
public sealed record ChallengePublished(
    Guid ChallengeId,
    string Title,
    string Summary,
    IReadOnlyList<string> Themes,
    string Environment,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    string OwnerPersonId,
    Guid OwnerOrganisationId,
    DateTimeOffset PublishedAt);

/// <summary>A need is posted by someone who looks for a solution; an offer by someone who has one.</summary>
public enum IdeaKind
{
    Need,
    Offer,
}

/// <summary>Where an idea is in its life: draft → published → partner found → converted to project; or withdrawn, or archived.</summary>
public enum IdeaStatus
{
    Draft,
    Published,
    PartnerFound,
    ConvertedToProject,
    Withdrawn,
    Archived,
}
