using CoCreation.IntegrationEvents;

namespace CoCreation.Ideas.Model;

public enum IdeaStatus
{
    Draft,
    Published,
}

/// <summary>A development idea: a need someone has, or an offer someone makes, owned by an organisation.</summary>
public sealed class Idea
{
    public Guid Id { get; private set; }

    public IdeaKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    public string Description { get; private set; } = "";

    public List<string> Themes { get; private set; } = [];

    public List<string> Environments { get; private set; } = [];

    public List<string> SoughtCompetences { get; private set; } = [];

    public string Language { get; private set; } = "";

    public string OwnerPersonId { get; private set; } = "";

    public Guid OwnerOrganisationId { get; private set; }

    public IdeaStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    private Idea()
    {
    }

    /// <summary>Creates an idea that is published at once: the walking journey's path; drafts come with the ideas domain.</summary>
    public static Idea Publish(IdeaContent content, string ownerPersonId, Guid ownerOrganisationId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = content.Kind,
        Title = content.Title,
        Summary = content.Summary,
        Description = content.Description,
        Themes = [.. content.Themes],
        Environments = [.. content.Environments],
        SoughtCompetences = [.. content.SoughtCompetences],
        Language = content.Language,
        OwnerPersonId = ownerPersonId,
        OwnerOrganisationId = ownerOrganisationId,
        Status = IdeaStatus.Published,
        CreatedAt = now,
        PublishedAt = now,
    };

    public IdeaPublished ToPublishedEvent() => new(
        Id, Kind, Title, Summary, Themes, Environments, SoughtCompetences, Language,
        OwnerPersonId, OwnerOrganisationId, new DateTimeOffset(PublishedAt ?? CreatedAt, TimeSpan.Zero));
}

/// <summary>What the owner writes; validated at the API boundary.</summary>
public sealed record IdeaContent(
    IdeaKind Kind,
    string Title,
    string Summary,
    string Description,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Environments,
    IReadOnlyList<string> SoughtCompetences,
    string Language);
