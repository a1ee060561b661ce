using CoCreation.ApiConventions;
using CoCreation.Ideas.Infrastructure;
using CoCreation.Ideas.Model;
using CoCreation.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Ideas.Apis;

/// <summary>
/// Browse and search: full text (<c>q</c>), filters that combine (AND across filters, OR within a repeated one:
/// <c>theme=museums&amp;theme=youth</c>), four orders, and cursor pages. Hidden ideas never appear in lists.
/// </summary>
public static class IdeaSearchApi
{
    public static async Task<Ok<CursorPage<IdeaSummaryResponse>>> SearchIdeas(
        [AsParameters] IdeaSearchQuery query, ActingParty? actor, IdeasDbContext db, IIdeaTextSearch textSearch, CancellationToken cancellationToken)
    {
        var (q, kind, theme, environment, ageGroup, status, challenge, organisation, language, sort, cursor, limit) = query;
        var order = KebabCase.Parse<IdeaOrder>(sort ?? IdeaOrder.Newest.ToKebabCase(), "sort");
        var page = Paging.Read<IdeaCursor>(cursor, limit);
        if (page.After is { } after && after.Sort != order)
        {
            throw new InvalidFieldException("cursor", "This cursor belongs to another sort order; start again without one.");
        }

        var ideas = (SearchTerms.From(q) is { } terms ? textSearch.IdeasMatching(db, terms) : db.Ideas).AsNoTracking().Where(i => i.HiddenAt == null);
        ideas = FilterByStatus(ideas, status, actor);
        if (kind is not null)
        {
            var wanted = KebabCase.Parse<IdeaKind>(kind, "kind");
            ideas = ideas.Where(i => i.Kind == wanted);
        }
        await IdeaRules.CheckTaxonomyAsync(db, cancellationToken,
            new("theme", TaxonomyFacet.Theme, theme ?? []), new("environment", TaxonomyFacet.Environment, environment ?? []), new("ageGroup", TaxonomyFacet.AgeGroup, ageGroup ?? []));
        if (theme is { Length: > 0 })
        {
            ideas = ideas.Where(i => i.Themes.Any(t => theme.Contains(t)));
        }
        if (environment is { Length: > 0 })
        {
            ideas = ideas.Where(i => i.Environments.Any(e => environment.Contains(e)));
        }
        if (ageGroup is { Length: > 0 })
        {
            ideas = ideas.Where(i => i.AgeGroups.Any(a => ageGroup.Contains(a)));
        }
        if (challenge is { } challengeId)
        {
            ideas = ideas.Where(i => i.ChallengeId == challengeId);
        }
        if (organisation is { } organisationId)
        {
            ideas = ideas.Where(i => i.OwnerOrganisationId == organisationId);
        }
        if (language is not null)
        {
            if (!Languages.All.Contains(language))
            {
                throw new InvalidFieldException("language", $"Must be one of: {string.Join(", ", Languages.All)}.");
            }
            ideas = ideas.Where(i => i.Language == language);
        }

        var rows = await Order(ideas, order, page.After).Take(page.FetchCount).Select(i => new IdeaRow(
            i.Id, i.Kind, i.Status, i.Title, i.Summary, i.Themes, i.Environments, i.AgeGroups, i.SoughtCompetences, i.Language,
            i.ChallengeId, i.OwnerOrganisationId, i.PublishedAt, i.ListedAt, i.UpdatedAt, i.SupportCount, i.CommentCount))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ToPage(page, r => r.CursorFor(order), r => r.ToResponse()));
    }

    /// <summary>
    /// Without a status filter: what browsing shows (published, partner found, converted). Drafts are only ever the
    /// actor's own organisation's; archived ideas only moderators'.
    /// </summary>
    private static IQueryable<Idea> FilterByStatus(IQueryable<Idea> ideas, string[]? status, ActingParty? actor)
    {
        if (status is not { Length: > 0 })
        {
            return ideas.Where(i => Idea.ListedStatuses.Contains(i.Status));
        }
        var wanted = status.Select(s => KebabCase.Parse<IdeaStatus>(s, "status")).Distinct().ToList();
        if (wanted.Contains(IdeaStatus.Archived) && actor is not { IsModerator: true })
        {
            throw new InvalidFieldException("status", "Only moderators may list archived ideas.");
        }
        var ownOrganisation = actor?.OrganisationId;
        return ideas.Where(i => wanted.Contains(i.Status) && (i.Status != IdeaStatus.Draft || i.OwnerOrganisationId == ownOrganisation));
    }

    private static IQueryable<Idea> Order(IQueryable<Idea> ideas, IdeaOrder order, IdeaCursor? after) => order switch
    {
        IdeaOrder.Newest => (after is null ? ideas : ideas.Where(i => i.ListedAt < after.At || (i.ListedAt == after.At && i.Id.CompareTo(after.Id) < 0)))
            .OrderByDescending(i => i.ListedAt).ThenByDescending(i => i.Id),
        IdeaOrder.Oldest => (after is null ? ideas : ideas.Where(i => i.ListedAt > after.At || (i.ListedAt == after.At && i.Id.CompareTo(after.Id) > 0)))
            .OrderBy(i => i.ListedAt).ThenBy(i => i.Id),
        IdeaOrder.MostSupported => (after is null ? ideas : ideas.Where(i => i.SupportCount < after.Count || (i.SupportCount == after.Count && i.Id.CompareTo(after.Id) < 0)))
            .OrderByDescending(i => i.SupportCount).ThenByDescending(i => i.Id),
        IdeaOrder.RecentlyUpdated => (after is null ? ideas : ideas.Where(i => i.UpdatedAt < after.At || (i.UpdatedAt == after.At && i.Id.CompareTo(after.Id) < 0)))
            .OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(order), order, null),
    };

    private sealed record IdeaRow(
        Guid Id, IdeaKind Kind, IdeaStatus Status, string Title, string Summary, List<string> Themes, List<string> Environments,
        List<string> AgeGroups, List<string> SoughtCompetences, string Language, Guid? ChallengeId, Guid OwnerOrganisationId,
        DateTime? PublishedAt, DateTime ListedAt, DateTime UpdatedAt, int SupportCount, int CommentCount)
    {
        public IdeaCursor CursorFor(IdeaOrder order) => order switch
        {
            IdeaOrder.MostSupported => new IdeaCursor(order, null, SupportCount, Id),
            IdeaOrder.RecentlyUpdated => new IdeaCursor(order, UpdatedAt, null, Id),
            _ => new IdeaCursor(order, ListedAt, null, Id),
        };

        public IdeaSummaryResponse ToResponse() => new(Id, Kind, Status, Title, Summary, Themes, Environments, AgeGroups, SoughtCompetences,
            Language, ChallengeId, OwnerOrganisationId, PublishedAt, UpdatedAt, SupportCount, CommentCount);
    }
}

/// <summary>The search's query string: every filter, the order and the page (see <see cref="IdeaSearchApi"/>).</summary>
public sealed record IdeaSearchQuery(
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "kind")] string? Kind,
    [property: FromQuery(Name = "theme")] string[]? Theme,
    [property: FromQuery(Name = "environment")] string[]? Environment,
    [property: FromQuery(Name = "ageGroup")] string[]? AgeGroup,
    [property: FromQuery(Name = "status")] string[]? Status,
    [property: FromQuery(Name = "challenge")] Guid? Challenge,
    [property: FromQuery(Name = "organisation")] Guid? Organisation,
    [property: FromQuery(Name = "language")] string? Language,
    [property: FromQuery(Name = "sort")] string? Sort,
    [property: FromQuery(Name = "cursor")] string? Cursor,
    [property: FromQuery(Name = "limit")] int? Limit);

public enum IdeaOrder
{
    Newest,
    Oldest,
    MostSupported,
    RecentlyUpdated,
}

/// <summary>The sort key of the last idea on a page: the order it belongs to, its date or count, and its id.</summary>
public sealed record IdeaCursor(IdeaOrder Sort, DateTime? At, int? Count, Guid Id);
