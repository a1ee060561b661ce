using System.ComponentModel.DataAnnotations;
using CoCreation.ApiConventions;
using CoCreation.Projects.Infrastructure;
using CoCreation.Projects.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Projects.Apis;

/// <summary>
/// The project's public decision log: who decided what, why, with which evaluations and activities as input, and when.
/// Entries are only added; a correction is a new entry naming the one it corrects. Phase changes are logged by themselves.
/// </summary>
public static class DecisionsApi
{
    public static IEndpointRouteBuilder MapDecisionsApi(this IEndpointRouteBuilder routes)
    {
        var project = routes.MapGroup("/api/v1/projects/{id:guid}").WithTags("Projects").WithRequestValidation().RequireScopeForWrites(ApiScopes.ProjectsWrite);
        project.MapGet("/decisions", ListDecisions).WithName(nameof(ListDecisions)).WithSummary("The decision log, in the order it was written");
        project.MapPost("/decisions", RecordDecision).WithName(nameof(RecordDecision))
            .WithSummary("Record a decision, with the evaluations and activities it drew on, or a correction of an earlier entry (the project's organisations)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Ok<IReadOnlyList<DecisionResponse>>, NotFoundProblem>> ListDecisions(
        Guid id, ActingParty? actor, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        var team = project.Involves(actor?.OrganisationId);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.ProjectId == id).OrderBy(d => d.Number).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DecisionResponse>>([.. decisions.Select(d => DecisionResponse.From(d, team))]);
    }

    public static async Task<Results<Created<DecisionResponse>, NotFoundProblem, ForbiddenProblem>> RecordDecision(
        Guid id, DecisionRequest request, ActingParty actor, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (!project.Involves(actor.OrganisationId))
        {
            return ProjectRecords.NotAParticipant("record its decisions");
        }
        var evaluations = request.EvaluationIds ?? [];
        if (evaluations.Count > 0 && await db.Evaluations.CountAsync(e => e.ProjectId == id && evaluations.Contains(e.Id), cancellationToken) != evaluations.Distinct().Count())
        {
            throw new InvalidFieldException("evaluationIds", "Every evaluation named must be one of this project's.");
        }
        var activities = request.ActivityIds ?? [];
        if (activities.Count > 0 && await db.Activities.CountAsync(a => a.ProjectId == id && activities.Contains(a.Id), cancellationToken) != activities.Distinct().Count())
        {
            throw new InvalidFieldException("activityIds", "Every activity named must be one of this project's.");
        }
        if (request.Corrects is { } corrected && !await db.Decisions.AnyAsync(d => d.ProjectId == id && d.Number == corrected, cancellationToken))
        {
            throw new InvalidFieldException("corrects", $"This project's log has no entry {corrected} to correct.");
        }
        var decision = await ProjectRecords.RecordDecisionAsync(db, project, request.Title.Trim(), request.Rationale.Trim(), actor.OrganisationId!.Value,
            actor.PersonId, evaluations, activities, request.Corrects, clock.GetUtcNow().UtcDateTime, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another entry took this number first; the log stays in order.
            throw new RuleViolationException("Another decision was recorded at the same moment.", "Send it again; it will follow the other.", field: "title");
        }
        return TypedResults.Created($"/api/v1/projects/{id}/decisions", DecisionResponse.From(decision, team: true));
    }
}

public sealed record DecisionRequest(
    [property: Required(AllowEmptyStrings = false), StringLength(200), VisibleText] string Title,
    [property: Required(AllowEmptyStrings = false), StringLength(ProjectLimits.RationaleLength), SafeMarkdown] string Rationale,
    [property: MaxLength(50)] IReadOnlyList<Guid>? EvaluationIds,
    [property: MaxLength(50)] IReadOnlyList<Guid>? ActivityIds,
    [property: Range(1, int.MaxValue)] int? Corrects);

/// <summary>One log entry; which person recorded it is shown to the project's own organisations.</summary>
public sealed record DecisionResponse(
    int Number, string Title, string Rationale, string RationaleHtml, Guid DecidedByOrganisationId, IReadOnlyList<Guid> EvaluationIds,
    IReadOnlyList<Guid> ActivityIds, int? Corrects, ProjectPhase? ToPhase, DateTime RecordedAt, string? RecordedByPersonId)
{
    public static DecisionResponse From(Decision d, bool team) => new(
        d.Number, d.Title, d.Rationale, SafeMarkdown.ToHtml(d.Rationale), d.DecidedByOrganisationId, d.EvaluationIds, d.ActivityIds, d.Corrects,
        d.ToPhase, d.RecordedAt, team ? d.RecordedByPersonId : null);
}
