using System.ComponentModel.DataAnnotations;
using CoCreation.ApiConventions;
using CoCreation.Projects.Infrastructure;
using CoCreation.Projects.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Projects.Apis;

/// <summary>
/// A project's way along the CoSIE roadmap: the canvas its team answers (each answer versioned, like an idea's) and
/// the phases it moves through, each behind a gate whose checklist must hold.
/// </summary>
public static class ProjectLifecycleApi
{
    public static IEndpointRouteBuilder MapProjectLifecycleApi(this IEndpointRouteBuilder routes)
    {
        var project = routes.MapGroup("/api/v1/projects/{id:guid}").WithTags("Projects").WithRequestValidation().RequireScopeForWrites(ApiScopes.ProjectsWrite);
        project.MapGet("/canvas", GetCanvas).WithName(nameof(GetCanvas))
            .WithSummary("The six canvas questions with the current answers (version 0: not answered yet)");
        project.MapPut("/canvas/{question}", AnswerCanvasQuestion).WithName(nameof(AnswerCanvasQuestion))
            .WithSummary("Answer or re-answer one canvas question (the project's organisations; If-Match the answer's version, \"0\" for the first)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        project.MapGet("/canvas/{question}/versions", CanvasAnswerVersions).WithName(nameof(CanvasAnswerVersions))
            .WithSummary("Every version of one canvas answer, newest first").ProducesValidationProblem();
        project.MapGet("/gates", GetGates).WithName(nameof(GetGates))
            .WithSummary("The project's phase and, for each gate ahead, the checklist items still unmet");
        project.MapPost("/phase", MovePhase).WithName(nameof(MovePhase))
            .WithSummary("Move to the next phase through its gate (409 lists the unmet items), back to an earlier one, or to discontinued with a reason (the owner organisation)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Ok<CanvasResponse>, NotFoundProblem>> GetCanvas(
        Guid id, ActingParty? actor, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        var current = await ProjectRecords.CurrentAnswersAsync(db, id, cancellationToken);
        var showPeople = project.Involves(actor?.OrganisationId);
        return TypedResults.Ok(new CanvasResponse([.. Enum.GetValues<CanvasQuestion>().Select(question =>
            current.TryGetValue(question, out var answer)
                ? CanvasAnswerResponse.From(answer, showPeople)
                : new CanvasAnswerResponse(question, 0, "", "", [], null, null, null))]));
    }

    public static async Task<Results<Ok<CanvasAnswerResponse>, NotFoundProblem, ForbiddenProblem, PreconditionProblem>> AnswerCanvasQuestion(
        Guid id, string question, CanvasAnswerRequest request, ActingParty actor, HttpContext http, ProjectsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var which = KebabCase.Parse<CanvasQuestion>(question, "question");
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (!project.Involves(actor.OrganisationId))
        {
            return ProjectRecords.NotAParticipant("edit its canvas");
        }
        if (project.Phase is ProjectPhase.Completed or ProjectPhase.Discontinued)
        {
            throw new RuleViolationException("The project has ended.", "An ended project's canvas stays as it was.", field: "question");
        }
        var previous = await db.CanvasAnswers.AsNoTracking().Where(a => a.ProjectId == id && a.Question == which)
            .OrderByDescending(a => a.Version).FirstOrDefaultAsync(cancellationToken);
        if (Preconditions.CheckIfMatch(http, previous?.Version ?? 0) is { } failed)
        {
            return failed;
        }
        var answer = CanvasAnswer.After(previous, id, which, request.Text.Trim(), CheckedTools(request.Tools),
            actor.PersonId, actor.OrganisationId!.Value, clock.GetUtcNow().UtcDateTime);
        db.CanvasAnswers.Add(answer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another edit from the same version landed first: the unique version kept this one out.
            return Preconditions.ChangedMeanwhile("canvas");
        }
        http.Response.Headers.ETag = Preconditions.ETagFor(answer.Version);
        return TypedResults.Ok(CanvasAnswerResponse.From(answer, showPeople: true));
    }

    public static async Task<Results<Ok<List<CanvasAnswerResponse>>, NotFoundProblem>> CanvasAnswerVersions(
        Guid id, string question, ActingParty? actor, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        var which = KebabCase.Parse<CanvasQuestion>(question, "question");
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        var versions = await db.CanvasAnswers.AsNoTracking().Where(a => a.ProjectId == id && a.Question == which)
            .OrderByDescending(a => a.Version).ToListAsync(cancellationToken);
        var showPeople = project.Involves(actor?.OrganisationId);
        return TypedResults.Ok(versions.Select(a => CanvasAnswerResponse.From(a, showPeople)).ToList());
    }

    public static async Task<Results<Ok<GatesResponse>, NotFoundProblem>> GetGates(Guid id, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        var facts = await ProjectRecords.FactsAsync(db, project, cancellationToken);
        ProjectPhase[] gated = [ProjectPhase.Agreement, ProjectPhase.Piloting, ProjectPhase.Evaluation];
        return TypedResults.Ok(new GatesResponse(project.Phase,
            [.. gated.Where(phase => phase > project.Phase && project.Status == ProjectStatus.Active)
                .Select(phase => new GateResponse(phase, project.UnmetItemsOf(phase, facts)))]));
    }

    public static async Task<Results<Ok<ProjectResponse>, NotFoundProblem, ForbiddenProblem, PreconditionProblem>> MovePhase(
        Guid id, PhaseRequest request, ActingParty actor, HttpContext http, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var target = KebabCase.Parse<ProjectPhase>(request.Phase, "phase");
        if (await db.Projects.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (actor.OrganisationId != project.OwnerOrganisationId)
        {
            return Problems.OnlyOwnerOrganisation("project");
        }
        if (http.Request.Headers.IfMatch.Count > 0 && Preconditions.CheckIfMatch(http, project.Version) is { } failed)
        {
            return failed;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var from = project.Phase;
        project.MoveTo(target, await ProjectRecords.FactsAsync(db, project, cancellationToken), request.Reason, now);
        // A phase change is a decision of the owner organisation: the public log shows it beside the team's own entries.
        await ProjectRecords.RecordDecisionAsync(db, project, $"Moved from {from.ToKebabCase()} to {target.ToKebabCase()}",
            request.Reason?.Trim() ?? (target > from ? "The gate's checklist held." : "The team returned to rework an earlier phase."),
            project.OwnerOrganisationId, actor.PersonId, [], [], null, now, cancellationToken, toPhase: target);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleViolationException("The project changed meanwhile.", "Read it again and retry the move.", field: "phase");
        }
        http.Response.Headers.ETag = Preconditions.ETagFor(project.Version);
        return TypedResults.Ok(ProjectResponse.From(project));
    }

    /// <summary>Catalogue codes as they are; anything else is a free-text tool, trimmed, of a sensible length.</summary>
    private static List<string> CheckedTools(IReadOnlyList<string>? tools)
    {
        var checkedTools = (tools ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (checkedTools.Any(t => t.Length > CoSieTools.FreeTextLength))
        {
            throw new InvalidFieldException("tools", $"A tool's name is at most {CoSieTools.FreeTextLength} characters.");
        }
        return checkedTools;
    }
}

public sealed record CanvasAnswerRequest(
    [property: Required(AllowEmptyStrings = false), StringLength(ProjectLimits.CanvasTextLength), SafeMarkdown] string Text,
    [property: MaxLength(20)] IReadOnlyList<string>? Tools);

public sealed record PhaseRequest([property: Required(AllowEmptyStrings = false)] string Phase, [property: StringLength(2000), SafeMarkdown] string? Reason);

public sealed record CanvasResponse(IReadOnlyList<CanvasAnswerResponse> Questions);

/// <summary>One canvas answer. Who wrote it is shown to the project's own organisations; the public sees when.</summary>
public sealed record CanvasAnswerResponse(
    CanvasQuestion Question, int Version, string Text, string TextHtml, IReadOnlyList<string> Tools, DateTime? ChangedAt,
    Guid? ChangedByOrganisationId, string? ChangedByPersonId)
{
    public static CanvasAnswerResponse From(CanvasAnswer a, bool showPeople) => new(
        a.Question, a.Version, a.Text, SafeMarkdown.ToHtml(a.Text), a.Tools, a.ChangedAt, a.ChangedByOrganisationId,
        showPeople ? a.ChangedByPersonId : null);
}

public sealed record GatesResponse(ProjectPhase Phase, IReadOnlyList<GateResponse> Ahead);

public sealed record GateResponse(ProjectPhase Phase, IReadOnlyList<UnmetItem> Unmet);
