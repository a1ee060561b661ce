using CoCreation.ApiConventions;
using CoCreation.Projects.Infrastructure;
using CoCreation.Projects.Model;
using Microsoft.EntityFrameworkCore;
using static CoCreation.ApiConventions.OpenData;

namespace CoCreation.Projects.Apis;

/// <summary>Open data: every project with its outcome, for anyone, as CSV or JSON under CC BY 4.0. Who started it is left out.</summary>
public static class OpenDataApi
{
    private static readonly Column<Project>[] ProjectColumns =
    [
        new("id", p => p.Id), new("ideaId", p => p.IdeaId), new("title", p => p.Title), new("summary", p => p.Summary), new("status", p => p.Status),
        new("organisationId", p => p.OwnerOrganisationId), new("partnerOrganisationIds", p => p.PartnerOrganisationIds.Select(id => id.ToString()).ToList()),
        new("environmentId", p => p.EnvironmentId), new("createdAt", p => p.CreatedAt), new("completedAt", p => p.CompletedAt),
        new("outcome", p => p.Outcome), new("successRating", p => p.SuccessRating), new("reference", p => p.Reference),
    ];

    public static IEndpointRouteBuilder MapOpenDataApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1/open-data").WithTags("Open data")
            .MapGet("/projects.{format}", DownloadProjects).WithName(nameof(DownloadProjects))
            .WithSummary("Every project with its outcome, as csv or json (CC BY 4.0, no personal data)").Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: "application/json").ProducesValidationProblem();
        return routes;
    }

    public static IResult DownloadProjects(string format, ProjectsDbContext db) =>
        Download("projects", format, db.Projects.AsNoTracking().OrderBy(p => p.Id).AsAsyncEnumerable(), ProjectColumns);
}
