using CoCreation.ApiConventions;
using CoCreation.Ideas.Infrastructure;
using CoCreation.Ideas.Model;
using Microsoft.EntityFrameworkCore;
using static CoCreation.ApiConventions.OpenData;

namespace CoCreation.Ideas.Apis;

/// <summary>
/// Open data: every published idea and every challenge, for anyone, as CSV or JSON under CC BY 4.0. Hidden ideas,
/// drafts and people (authors, commenters, supporters) are never in it; organisations are, by id.
/// </summary>
public static class OpenDataApi
{
    private static readonly Column<Idea>[] IdeaColumns =
    [
        new("id", i => i.Id), new("kind", i => i.Kind), new("status", i => i.Status), new("title", i => i.Title), new("summary", i => i.Summary),
        new("description", i => i.Description), new("themes", i => i.Themes), new("environments", i => i.Environments),
        new("ageGroups", i => i.AgeGroups), new("soughtCompetences", i => i.SoughtCompetences), new("language", i => i.Language),
        new("organisationId", i => i.OwnerOrganisationId), new("challengeId", i => i.ChallengeId), new("publishedAt", i => i.PublishedAt),
        new("updatedAt", i => i.UpdatedAt), new("supportCount", i => i.SupportCount), new("commentCount", i => i.CommentCount),
    ];

    private static readonly Column<Challenge>[] ChallengeColumns =
    [
        new("id", c => c.Id), new("title", c => c.Title), new("summary", c => c.Summary), new("description", c => c.Description),
        new("themes", c => c.Themes), new("environment", c => c.Environment), new("opensOn", c => c.OpensOn), new("closesOn", c => c.ClosesOn),
        new("organisationId", c => c.OwnerOrganisationId), new("createdAt", c => c.CreatedAt),
    ];

    public static IEndpointRouteBuilder MapOpenDataApi(this IEndpointRouteBuilder routes)
    {
        var openData = routes.MapGroup("/api/v1/open-data").WithTags("Open data");
        openData.MapGet("/ideas.{format}", DownloadIdeas).WithName(nameof(DownloadIdeas))
            .WithSummary("Every published idea, as csv or json (CC BY 4.0, no personal data)").Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: "application/json").ProducesValidationProblem();
        openData.MapGet("/challenges.{format}", DownloadChallenges).WithName(nameof(DownloadChallenges))
            .WithSummary("Every challenge, as csv or json (CC BY 4.0, no personal data)").Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: "application/json").ProducesValidationProblem();
        return routes;
    }

    public static IResult DownloadIdeas(string format, IdeasDbContext db) =>
        Download("ideas", format, db.Ideas.AsNoTracking()
            .Where(i => i.HiddenAt == null && Idea.PublicStatuses.Contains(i.Status))
            .OrderBy(i => i.Id).AsAsyncEnumerable(), IdeaColumns);

    public static IResult DownloadChallenges(string format, IdeasDbContext db) =>
        Download("challenges", format, db.Challenges.AsNoTracking().OrderBy(c => c.Id).AsAsyncEnumerable(), ChallengeColumns);
}
