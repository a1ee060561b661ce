using CoCreation.IntegrationEvents;
using CoCreation.Messaging;

namespace CoCreation.PartnerMatching.Model;

/// <summary>
/// This service's own copy of an idea: what matching and interests need, kept up to date from the ideas service's
/// events, so that matching never calls the ideas service or reads its tables. It raises MatchesSuggested when a
/// newly published idea's best partners are known.
/// </summary>
public sealed class MatchableIdea : RaisesIntegrationEvents
{
    public Guid IdeaId { get; private set; }

    public IdeaKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public List<string> Themes { get; private set; } = [];

    public List<string> Environments { get; private set; } = [];

    public List<string> AgeGroups { get; private set; } = [];

    public List<string> SoughtCompetences { get; private set; } = [];

    public string Language { get; private set; } = "";

    public string OwnerPersonId { get; private set; } = "";

    public Guid OwnerOrganisationId { get; private set; }

    /// <summary>Published (or partner found): it looks for partners. Withdrawn: it does not.</summary>
    public bool OpenForPartners { get; private set; }

    /// <summary>The ideas service's version of the content this copy holds; an older event never overwrites a newer one.</summary>
    public int SourceVersion { get; private set; }

    public DateTime PublishedAt { get; private set; }

    /// <summary>The matching index reads changes since its last look by this column.</summary>
    public DateTime UpdatedAt { get; private set; }

    private MatchableIdea()
    {
    }

    public static MatchableIdea From(IdeaPublished published, DateTime now)
    {
        var idea = new MatchableIdea { IdeaId = published.IdeaId };
        idea.Apply(published, now);
        return idea;
    }

    /// <summary>Applies a publication unless this copy already holds a later version (an update overtook it).</summary>
    public void Apply(IdeaPublished published, DateTime now)
    {
        if (SourceVersion > 0 && published.Version <= SourceVersion)
        {
            return;
        }
        SourceVersion = published.Version;
        Kind = published.Kind;
        Title = published.Title;
        Themes = [.. published.Themes];
        Environments = [.. published.Environments];
        AgeGroups = [.. published.AgeGroups];
        SoughtCompetences = [.. published.SoughtCompetences];
        Language = published.Language;
        OwnerPersonId = published.OwnerPersonId;
        OwnerOrganisationId = published.OwnerOrganisationId;
        OpenForPartners = true;
        PublishedAt = published.PublishedAt.UtcDateTime;
        UpdatedAt = now;
    }

    /// <summary>Applies an update unless this copy already holds the same or a later version.</summary>
    public void Apply(IdeaUpdated updated, DateTime now)
    {
        if (updated.Version <= SourceVersion)
        {
            return;
        }
        SourceVersion = updated.Version;
        Kind = updated.Kind;
        Title = updated.Title;
        Themes = [.. updated.Themes];
        Environments = [.. updated.Environments];
        AgeGroups = [.. updated.AgeGroups];
        SoughtCompetences = [.. updated.SoughtCompetences];
        Language = updated.Language;
        OpenForPartners = updated.Status is IdeaStatus.Published or IdeaStatus.PartnerFound;
        UpdatedAt = now;
    }

    public void Close(DateTime now)
    {
        OpenForPartners = false;
        UpdatedAt = now;
    }

    public void SuggestPartners(IReadOnlyList<SuggestedPartner> partners, DateTime now)
    {
        if (partners.Count > 0)
        {
            Raise(new MatchesSuggested(IdeaId, Title, OwnerOrganisationId, partners, new DateTimeOffset(now, TimeSpan.Zero)));
        }
    }
}
