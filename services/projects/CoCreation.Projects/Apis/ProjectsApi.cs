using System.ComponentModel.DataAnnotations;
using CoCreation.ApiConventions;
using CoCreation.Projects.Infrastructure;
using CoCreation.Projects.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCreation.Projects.Apis;

/// <summary>
/// Projects, public to everyone: the idea's organisation starts one from its agreed partnership, and completes it with
/// an outcome, a success rating and a co-creation reference.
/// </summary>
public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder routes)
    {
        var projects = routes.MapGroup("/api/v1/projects").WithTags("Projects").WithRequestValidation().RequireScopeForWrites(ApiScopes.ProjectsWrite);
        projects.MapGet("/", ListProjects).WithName(nameof(ListProjects))
            .WithSummary("Projects, newest first; filters status and organisation (owner or partner)").ProducesValidationProblem();
        projects.MapPost("/", StartProject).WithName(nameof(StartProject))
            .WithSummary("Start the project of a published idea (the idea's organisation): with the partners of its agreed partnership, or by hand, to invite partners to. Honours Idempotency-Key.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        projects.MapGet("/{id:guid}", GetProject).WithName(nameof(GetProject)).WithSummary("Read one project, with ETag; answers If-None-Match with 304");
        projects.MapPost("/{id:guid}/complete", CompleteProject).WithName(nameof(CompleteProject))
            .WithSummary("Complete the project from its evaluation phase with its outcome, success rating (1-5) and statement; the city signs its co-creation reference (the owner organisation)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Ok<CursorPage<ProjectResponse>>> ListProjects(
        ProjectsDbContext db, CancellationToken cancellationToken, string? status = null, Guid? organisation = null, string? cursor = null, int? limit = null)
    {
        var page = Paging.Read<ProjectCursor>(cursor, limit);
        var projects = db.Projects.AsNoTracking();
        if (status is not null)
        {
            var wanted = KebabCase.Parse<ProjectStatus>(status, "status");
            projects = projects.Where(p => p.Status == wanted);
        }
        if (organisation is { } id)
        {
            projects = projects.Where(p => p.OwnerOrganisationId == id || p.PartnerOrganisationIds.Contains(id));
        }
        if (page.After is { } after)
        {
            projects = projects.Where(p => p.CreatedAt < after.CreatedAt || (p.CreatedAt == after.CreatedAt && p.Id.CompareTo(after.Id) < 0));
        }
        var rows = await projects.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Take(page.FetchCount).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ToPage(page, p => new ProjectCursor(p.CreatedAt, p.Id), ProjectResponse.From));
    }

    public static async Task<Results<CreatedOnce<ProjectResponse>, ForbiddenProblem>> StartProject(
        ProjectRequest request, ActingParty actor, HttpContext http, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (actor.OrganisationId is not { } organisationId)
        {
            return Problems.NeedsOrganisation("Starting a project");
        }
        // The idea is read before its partnership: a partnership recorded after this read also claims the idea, so a
        // start by hand that missed it fails at its save. Read the other way round, the partnership could commit in
        // between, unseen, and the project would start without its partners.
        var knownIdea = await db.KnownIdeas.FirstOrDefaultAsync(i => i.Id == request.IdeaId, cancellationToken);
        // From the idea's newest agreed partnership, with its partners; without one, by hand, to invite partners to.
        var partnership = await db.AgreedPartnerships.AsNoTracking().Where(p => p.IdeaId == request.IdeaId)
            .OrderByDescending(p => p.AgreedAt).FirstOrDefaultAsync(cancellationToken);
        var idea = partnership is null ? knownIdea : null;
        if (partnership is null && idea is null)
        {
            // Ideas tells this service of every published idea over the broker; one just published may not be here yet.
            throw new RuleViolationException("This idea is not known to projects yet.",
                "A just-published idea reaches projects within moments: try again. An idea still in draft is published first (POST /api/v1/ideas/{id}/publish).",
                field: "ideaId");
        }
        if (partnership is null && idea is not { IsOpen: true })
        {
            throw new RuleViolationException("This idea is not published.",
                "A project starts from a published idea: publish it first (POST /api/v1/ideas/{id}/publish).", field: "ideaId");
        }
        if (partnership is null && idea!.Status == CoCreation.IntegrationEvents.IdeaStatus.PartnerFound)
        {
            // The idea found its partner, but the partnership has not reached this service yet: wait for it, so the
            // project starts with its partners and environment rather than by hand.
            throw new RuleViolationException("The idea's partnership is on its way.", "Try again in a moment.", field: "ideaId");
        }
        if ((partnership?.OwnerOrganisationId ?? idea!.OwnerOrganisationId) != organisationId)
        {
            return Problems.OnlyOwnerOrganisation("idea");
        }
        try
        {
            return await db.CreateOnceAsync(http, actor.PersonId, request, async () =>
            {
                if (await db.Projects.AnyAsync(p => p.IdeaId == request.IdeaId && p.Status != ProjectStatus.Discontinued, cancellationToken))
                {
                    throw AlreadyStarted();
                }
                var title = request.Title.Trim();
                var summary = request.Summary?.Trim() ?? "";
                var now = clock.GetUtcNow().UtcDateTime;
                Project project;
                if (partnership is not null)
                {
                    var environment = partnership.EnvironmentId is { } environmentId
                        ? await db.KnownEnvironments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == environmentId, cancellationToken)
                        : null;
                    project = Project.Start(partnership, environment, title, summary, actor.PersonId, now);
                }
                else
                {
                    project = Project.StartByHand(idea!, title, summary, actor.PersonId, now);
                    idea!.Claim(); // a partnership arriving meanwhile makes this save fail rather than miss the project
                }
                db.Projects.Add(project);
                return new CreatedResource<ProjectResponse>($"/api/v1/projects/{project.Id}", ProjectResponse.From(project));
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The idea's partnership arrived while this start by hand was on its way: start again, now with its partners.
            throw new RuleViolationException("The idea's partnership arrived as the project was starting.",
                "Try again: the project then starts with the partnership's partners.", field: "ideaId");
        }
        catch (DbUpdateException)
        {
            // Two requests raced past the check; the unique key kept the second one out.
            throw AlreadyStarted();
        }
    }

    public static async Task<Results<Ok<ProjectResponse>, NotModified, NotFoundProblem>> GetProject(Guid id, HttpContext http, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return Problems.NotFound("project", id);
        }
        return Preconditions.SetETagAndCheckNotModified(http, project.Version)
            ? NotModified.Instance
            : TypedResults.Ok(ProjectResponse.From(project));
    }

    public static async Task<Results<Ok<ProjectResponse>, NotFoundProblem, ForbiddenProblem, PreconditionProblem>> CompleteProject(
        Guid id, CompletionRequest request, ActingParty actor, HttpContext http, ProjectsDbContext db, TimeProvider clock, ReferenceSigner signer,
        IOptions<CityCalendar> city, CancellationToken cancellationToken)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
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
        project.Complete(request.Outcome.Trim(), request.SuccessRating!.Value, request.Reference?.Trim(), now);
        await ReferencesApi.IssueAsync(db, project, signer, city.Value, now, cancellationToken);
        await ProjectRecords.RecordDecisionAsync(db, project, "Completed", request.Outcome.Trim(), project.OwnerOrganisationId, actor.PersonId, [], [], null, now,
            cancellationToken, toPhase: ProjectPhase.Completed);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleViolationException("The project changed meanwhile.", "Read it again; it may have completed already.");
        }
        http.Response.Headers.ETag = Preconditions.ETagFor(project.Version);
        return TypedResults.Ok(ProjectResponse.From(project));
    }

    private static RuleViolationException AlreadyStarted() =>
        new("This idea's project has already started.", "Find it under GET /api/v1/projects?organisation=...; invite more partners to it.", field: "ideaId");
}

public sealed record ProjectCursor(DateTime CreatedAt, Guid Id);

public sealed record ProjectRequest(
    [property: Required] Guid IdeaId,
    [property: Required(AllowEmptyStrings = false), StringLength(200), VisibleText] string Title,
    [property: StringLength(2000), SafeMarkdown] string? Summary);

public sealed record CompletionRequest(
    [property: Required(AllowEmptyStrings = false), StringLength(8000), SafeMarkdown] string Outcome,
    [property: Required, Range(1, 5)] int? SuccessRating,
    [property: StringLength(1000), SafeMarkdown] string? Reference);

public sealed record ProjectResponse(
    Guid Id, Guid IdeaId, string Title, string Summary, ProjectStatus Status, Guid OwnerOrganisationId, IReadOnlyList<Guid> PartnerOrganisationIds,
    Guid? EnvironmentId, DateTime CreatedAt, DateTime? CompletedAt, string? Outcome, int? SuccessRating, string? Reference, int Version,
    ProjectPhase Phase, string? DiscontinuedReason, Guid? HostOrganisationId, IReadOnlyList<Guid> PartnersNotNamed, bool HasReference)
{
    public static ProjectResponse From(Project p) => new(
        p.Id, p.IdeaId, p.Title, p.Summary, p.Status, p.OwnerOrganisationId, p.PartnerOrganisationIds, p.EnvironmentId, p.CreatedAt, p.CompletedAt,
        p.Outcome, p.SuccessRating, p.Reference, p.Version, p.Phase, p.DiscontinuedReason, p.HostOrganisationId, p.PartnersNotNamed, p.SignedReference is not null);
}
