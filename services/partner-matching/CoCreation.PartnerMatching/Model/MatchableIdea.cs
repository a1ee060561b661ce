using CoCreation.IntegrationEvents;

namespace CoCreation.PartnerMatching.Model;

/// <summary>
/// This service's own copy of a published idea: what matching needs, kept up to date from the ideas service's
/// events, so that matching never calls the ideas service or reads its tables.
/// </summary>
public sealed class MatchableIdea
{
    public Guid IdeaId { get; private set; }

    public IdeaKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public List<string> Themes { get; private set; } = [];

    public List<string> Environments { get; private set; } = [];

    public List<string> SoughtCompetences { get; private set; } = [];

    public string Language { get; private set; } = "";

    public Guid OwnerOrganisationId { get; private set; }

    public DateTime PublishedAt { get; private set; }

    public DateTime IndexedAt { get; private set; }

    private MatchableIdea()
    {
    }

    public static MatchableIdea From(IdeaPublished published, DateTime now)
    {
        var idea = new MatchableIdea { IdeaId = published.IdeaId };
        idea.Apply(published, now);
        return idea;
    }

    public void Apply(IdeaPublished published, DateTime now)
    {
        Kind = published.Kind;
        Title = published.Title;
        Themes = [.. published.Themes];
        Environments = [.. published.Environments];
        SoughtCompetences = [.. published.SoughtCompetences];
        Language = published.Language;
        OwnerOrganisationId = published.OwnerOrganisationId;
        PublishedAt = published.PublishedAt.UtcDateTime;
        IndexedAt = now;
    }
}
