using CoCreation.ApiConventions;
using CoCreation.Projects.Infrastructure;
using CoCreation.Projects.Model;
using Microsoft.EntityFrameworkCore;
using static CoCreation.ApiConventions.OpenData;

namespace CoCreation.Projects.Apis;

/// <summary>
/// Open data: every project with its phase and outcome, and every project's decision log, for anyone, as CSV or JSON
/// under CC BY 4.0. People are left out: who started a project or recorded a decision is not in them.
/// </summary>
public static class OpenDataApi
{
    private static readonly Column<Project>[] ProjectColumns =
    [
        new("id", p => p.Id), new("ideaId", p => p.IdeaId), new("title", p => p.Title), new("summary", p => p.Summary), new("status", p => p.Status),
        new("organisationId", p => p.OwnerOrganisationId), new("partnerOrganisationIds", p => p.PartnerOrganisationIds.Select(id => id.ToString()).ToList()),
        new("environmentId", p => p.EnvironmentId), new("createdAt", p => p.CreatedAt), new("completedAt", p => p.CompletedAt),
        new("outcome", p => p.Outcome), new("successRating", p => p.SuccessRating), new("reference", p => p.Reference),
        new("phase", p => p.Phase), new("discontinuedReason", p => p.DiscontinuedReason), new("hostOrganisationId", p => p.HostOrganisationId),
        new("signedReference", p => p.SignedReference),
    ];

    private static readonly Column<Decision>[] DecisionColumns =
    [
        new("projectId", d => d.ProjectId), new("number", d => d.Number), new("title", d => d.Title), new("rationale", d => d.Rationale),
        new("decidedByOrganisationId", d => d.DecidedByOrganisationId), new("evaluationIds", d => d.EvaluationIds.Select(id => id.ToString()).ToList()),
        new("activityIds", d => d.ActivityIds.Select(id => id.ToString()).ToList()), new("corrects", d => d.Corrects), new("toPhase", d => d.ToPhase),
        new("recordedAt", d => d.RecordedAt),
    ];

    public static IEndpointRouteBuilder MapOpenDataApi(this IEndpointRouteBuilder routes)
    {
        var openData = routes.MapGroup("/api/v1/open-data").WithTags("Open data");
        openData.MapGet("/projects.{format}", DownloadProjects).WithName(nameof(DownloadProjects))
            .WithSummary("Every project with its phase and outcome, as csv or json (CC BY 4.0, no personal data)").Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: "application/json").ProducesValidationProblem();
        openData.MapGet("/decisions.{format}", DownloadDecisions).WithName(nameof(DownloadDecisions))
            .WithSummary("Every project's decision log, as csv or json (CC BY 4.0, no personal data)").Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: "application/json").ProducesValidationProblem();
        return routes;
    }

    public static IResult DownloadProjects(string format, ProjectsDbContext db) =>
        Download("projects", format, db.Projects.AsNoTracking().OrderBy(p => p.Id).AsAsyncEnumerable(), ProjectColumns);

    public static IResult DownloadDecisions(string format, ProjectsDbContext db) =>
        Download("decisions", format, db.Decisions.AsNoTracking().OrderBy(d => d.ProjectId).ThenBy(d => d.Number).AsAsyncEnumerable(), DecisionColumns);
}
