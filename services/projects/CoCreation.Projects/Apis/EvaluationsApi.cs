using System.ComponentModel.DataAnnotations;
using CoCreation.ApiConventions;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;
using CoCreation.Projects.Infrastructure;
using CoCreation.Projects.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCreation.Projects.Apis;

/// <summary>
/// Continuous evaluation: stakeholders rate the project in any phase, the team signed in and everyone else through
/// light feedback. Ratings are public, for everyone to see how the project is received; the words are for the team.
/// </summary>
public static class EvaluationsApi
{
    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder routes)
    {
        var project = routes.MapGroup("/api/v1/projects/{id:guid}").WithTags("Projects").WithRequestValidation().RequireScopeForWrites(ApiScopes.ProjectsWrite);
        project.MapGet("/evaluations", ListEvaluations).WithName(nameof(ListEvaluations))
            .WithSummary("Every evaluation, newest first; their words are shown to the project's organisations only");
        project.MapPost("/evaluations", SubmitEvaluation).WithName(nameof(SubmitEvaluation))
            .WithSummary("Evaluate the project for a stakeholder group, 1-5 with words, in any phase (the project's organisations)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        project.MapGet("/evaluations/summary", EvaluationSummary).WithName(nameof(EvaluationSummary))
            .WithSummary("The evaluation over time: count and mean rating per stakeholder group and week (weeks start on Monday, city time)");
        return routes;
    }

    internal static EvaluationSubmitted Submitted(Evaluation e) => new(e.ProjectId, e.Id, e.ActivityId, e.Group.ToKebabCase(), e.Rating,
        e.Source.ToKebabCase(), e.Phase.ToKebabCase(), new DateTimeOffset(e.GivenAt, TimeSpan.Zero));

    public static async Task<Results<Ok<IReadOnlyList<EvaluationResponse>>, NotFoundProblem>> ListEvaluations(
        Guid id, ActingParty? actor, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        var team = project.Involves(actor?.OrganisationId);
        var evaluations = await db.Evaluations.AsNoTracking().Where(e => e.ProjectId == id).OrderByDescending(e => e.GivenAt).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<EvaluationResponse>>([.. evaluations.Select(e => EvaluationResponse.From(e, team))]);
    }

    public static async Task<Results<Created<EvaluationResponse>, NotFoundProblem, ForbiddenProblem>> SubmitEvaluation(
        Guid id, EvaluationRequest request, ActingParty actor, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var group = KebabCase.Parse<StakeholderGroup>(request.Group, "group");
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (!project.Involves(actor.OrganisationId))
        {
            return ProjectRecords.NotAParticipant("evaluate it signed in; everyone else gives light feedback through an activity's link");
        }
        if (request.ActivityId is { } activityId && !await db.Activities.AnyAsync(a => a.Id == activityId && a.ProjectId == id, cancellationToken))
        {
            throw new InvalidFieldException("activityId", "That activity is not this project's.");
        }
        var evaluation = Evaluation.ByTeam(project, request.ActivityId, group, request.Rating!.Value, request.Text?.Trim() ?? "",
            actor.OrganisationId!.Value, actor.PersonId, clock.GetUtcNow().UtcDateTime);
        db.Evaluations.Add(evaluation);
        db.Publish(Submitted(evaluation));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/projects/{id}/evaluations", EvaluationResponse.From(evaluation, team: true));
    }

    public static async Task<Results<Ok<EvaluationSummaryResponse>, NotFoundProblem>> EvaluationSummary(
        Guid id, ProjectsDbContext db, IOptions<CityCalendar> city, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return Problems.NotFound("project", id);
        }
        var ratings = await db.Evaluations.AsNoTracking().Where(e => e.ProjectId == id).Select(e => new { e.Group, e.Rating, e.GivenAt }).ToListAsync(cancellationToken);
        var weeks = ratings.Select(r => (r.Group, r.Rating, Week: WeekOf(DateOnly.FromDateTime(city.Value.Local(r.GivenAt))))).ToList();
        return TypedResults.Ok(new EvaluationSummaryResponse(
            ratings.Count,
            ratings.Count == 0 ? null : Math.Round(ratings.Average(r => r.Rating), 2),
            [.. weeks.GroupBy(w => w.Group).OrderBy(g => g.Key).Select(g => new GroupSummary(g.Key, g.Count(), Math.Round(g.Average(w => w.Rating), 2),
                [.. g.GroupBy(w => w.Week).OrderBy(w => w.Key).Select(w => new WeekPoint(w.Key, w.Count(), Math.Round(w.Average(x => x.Rating), 2)))]))]));
    }

    private static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}

public sealed record EvaluationRequest(
    [property: Required(AllowEmptyStrings = false)] string Group,
    [property: Required, Range(Evaluation.MinRating, Evaluation.MaxRating)] int? Rating,
    [property: StringLength(ProjectLimits.EvaluationTextLength)] string? Text,
    Guid? ActivityId);

/// <summary>One evaluation. Its words, and which organisation gave it, are the team's; the public sees group, rating and when.</summary>
public sealed record EvaluationResponse(
    Guid Id, Guid? ActivityId, StakeholderGroup Group, int Rating, string? Text, EvaluationSource Source, ProjectPhase Phase, DateTime GivenAt, Guid? OrganisationId)
{
    public static EvaluationResponse From(Evaluation e, bool team) =>
        new(e.Id, e.ActivityId, e.Group, e.Rating, team ? e.Text : null, e.Source, e.Phase, e.GivenAt, team ? e.OrganisationId : null);
}

public sealed record EvaluationSummaryResponse(int Count, double? MeanRating, IReadOnlyList<GroupSummary> Groups);

public sealed record GroupSummary(StakeholderGroup Group, int Count, double MeanRating, IReadOnlyList<WeekPoint> Weeks);

public sealed record WeekPoint(DateOnly Week, int Count, double MeanRating);
