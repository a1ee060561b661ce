using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using CoCreation.ApiConventions;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;
using CoCreation.Projects.Infrastructure;
using CoCreation.Projects.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCreation.Projects.Apis;

/// <summary>The <c>Feedback</c> configuration section: how long light feedback stays open, and how much one address may send.</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    /// <summary>How long after an activity ends its feedback link still takes answers.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Answers one address may give one activity per hour. A whole class on the school's network shares one address,
    /// so this is generous: it stops a script, not a class.
    /// </summary>
    public int PerAddressPerHour { get; set; } = 60;
}

/// <summary>
/// Where a project's work happens: its environment host, the activities it schedules there, and each activity's
/// anonymous light-feedback link, which anyone holding it may answer with one tap, without an account.
/// </summary>
public static class ActivitiesApi
{
    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder routes)
    {
        var project = routes.MapGroup("/api/v1/projects/{id:guid}").WithTags("Projects").WithRequestValidation().RequireScopeForWrites(ApiScopes.ProjectsWrite);
        project.MapPut("/environment", HostProject).WithName(nameof(HostProject))
            .WithSummary("Choose the registered environment that hosts the pilot; its city unit becomes the environment host (the owner organisation)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        project.MapGet("/activities", ListActivities).WithName(nameof(ListActivities))
            .WithSummary("The project's activities by start time; the project's organisations also see each feedback link");
        project.MapPost("/activities", ScheduleActivity).WithName(nameof(ScheduleActivity))
            .WithSummary("Schedule a workshop, pilot session, social hackathon or community reporting session (times without an offset are the city's)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        var feedback = routes.MapGroup("/api/v1/feedback").WithTags("Light feedback").WithRequestValidation();
        feedback.MapGet("/{token}", FeedbackFor).WithName(nameof(FeedbackFor))
            .WithSummary("What a light-feedback link is for: the activity, its project, and whether it takes answers now");
        feedback.MapPost("/{token}", GiveFeedback).WithName(nameof(GiveFeedback))
            .WithSummary("Rate the activity 1-5 with an optional word, anonymously, while its feedback window is open (limited per address)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Ok<ProjectResponse>, NotFoundProblem, ForbiddenProblem>> HostProject(
        Guid id, HostRequest request, ActingParty actor, HttpContext http, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Projects.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (actor.OrganisationId != project.OwnerOrganisationId)
        {
            return Problems.OnlyOwnerOrganisation("project");
        }
        var environment = await db.KnownEnvironments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == request.EnvironmentId && e.Published, cancellationToken)
            ?? throw new InvalidFieldException("environmentId", "That is not a published, registered environment; find one under GET /api/v1/environments.");
        project.HostIn(environment);
        // Past the agreement gate, a new host that has not accepted the agreement would pilot under terms it never saw:
        // the gate no longer holds, so the project returns to the agreement phase, in the public log, until it does.
        if (project.Phase is ProjectPhase.Piloting or ProjectPhase.Evaluation
            && project.UnmetItemsOf(ProjectPhase.Piloting, await ProjectRecords.FactsAsync(db, project, cancellationToken)).Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var from = project.Phase;
            var reason = "The pilot moved to an environment whose host has not accepted the agreement yet.";
            project.MoveTo(ProjectPhase.Agreement, await ProjectRecords.FactsAsync(db, project, cancellationToken), reason, now);
            await ProjectRecords.RecordDecisionAsync(db, project, $"Moved from {from.ToKebabCase()} to agreement", reason,
                project.OwnerOrganisationId, actor.PersonId, [], [], null, now, cancellationToken, toPhase: ProjectPhase.Agreement);
        }
        await db.SaveChangesAsync(cancellationToken);
        http.Response.Headers.ETag = Preconditions.ETagFor(project.Version);
        return TypedResults.Ok(ProjectResponse.From(project));
    }

    public static async Task<Results<Ok<IReadOnlyList<ActivityResponse>>, NotFoundProblem>> ListActivities(
        Guid id, ActingParty? actor, ProjectsDbContext db, IOptions<CityCalendar> city, CancellationToken cancellationToken)
    {
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        var activities = await db.Activities.AsNoTracking().Where(a => a.ProjectId == id).OrderBy(a => a.StartsAt).ToListAsync(cancellationToken);
        var places = await PlacesAsync(db, activities.Select(a => a.EnvironmentId), cancellationToken);
        var team = project.Involves(actor?.OrganisationId);
        return TypedResults.Ok<IReadOnlyList<ActivityResponse>>([.. activities.Select(a => ActivityResponse.From(a, places, city.Value, team))]);
    }

    public static async Task<Results<Created<ActivityResponse>, NotFoundProblem, ForbiddenProblem>> ScheduleActivity(
        Guid id, ActivityRequest request, ActingParty actor, ProjectsDbContext db, TimeProvider clock, IOptions<CityCalendar> city,
        IOptions<FeedbackOptions> feedback, CancellationToken cancellationToken)
    {
        var kind = KebabCase.Parse<ActivityKind>(request.Kind, "kind");
        var groups = (request.StakeholderGroups ?? []).Select(g => KebabCase.Parse<StakeholderGroup>(g, "stakeholderGroups")).ToList();
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (!project.Involves(actor.OrganisationId))
        {
            return ProjectRecords.NotAParticipant("schedule its activities");
        }
        if (project.HasEnded)
        {
            throw new RuleViolationException("The project has ended.", "An ended project schedules no more activities.", field: "startsAt");
        }
        var environmentId = request.EnvironmentId ?? project.EnvironmentId
            ?? throw new InvalidFieldException("environmentId", "Name the registered environment where it happens; the project has no environment host yet.");
        var place = await db.KnownEnvironments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == environmentId && e.Published, cancellationToken)
            ?? throw new InvalidFieldException("environmentId", "That is not a published, registered environment; find one under GET /api/v1/environments.");
        var now = clock.GetUtcNow().UtcDateTime;
        var activity = Activity.Schedule(project, kind, request.Title.Trim(), request.Description?.Trim() ?? "",
            city.Value.ToUtc(request.StartsAt!.Value, "startsAt"), city.Value.ToUtc(request.EndsAt!.Value, "endsAt"), place.Id, request.OrganisationIds ?? [], groups,
            feedback.Value.Window, actor.PersonId, now);
        db.Activities.Add(activity);
        db.Publish(new ActivityScheduled(project.Id, project.Title, activity.Id, kind.ToKebabCase(), activity.Title,
            new DateTimeOffset(activity.StartsAt, TimeSpan.Zero), new DateTimeOffset(activity.EndsAt, TimeSpan.Zero), place.Id,
            activity.OrganisationIds, new DateTimeOffset(now, TimeSpan.Zero)));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/projects/{id}/activities",
            ActivityResponse.From(activity, new Dictionary<Guid, string> { [place.Id] = place.Name }, city.Value, team: true));
    }

    public static async Task<Results<Ok<FeedbackResponse>, NotFoundProblem>> FeedbackFor(
        string token, ProjectsDbContext db, TimeProvider clock, IOptions<CityCalendar> city, CancellationToken cancellationToken)
    {
        if (await FindLinkAsync(db, token, cancellationToken) is not var (activity, project))
        {
            return Problems.NotFound("feedback link", token);
        }
        var places = await PlacesAsync(db, [activity.EnvironmentId], cancellationToken);
        return TypedResults.Ok(new FeedbackResponse(project.Id, project.Title, ActivityResponse.From(activity, places, city.Value, team: false),
            !project.HasEnded && activity.FeedbackClosedReason(clock.GetUtcNow().UtcDateTime) is null, activity.FeedbackClosesAt,
            [.. activity.StakeholderGroups.Count > 0 ? activity.StakeholderGroups.Append(StakeholderGroup.Others).Distinct() : Enum.GetValues<StakeholderGroup>()]));
    }

    public static async Task<Results<Created<FeedbackReceipt>, NotFoundProblem, TooManyProblem>> GiveFeedback(
        string token, FeedbackRequest request, HttpContext http, ProjectsDbContext db, TimeProvider clock, IOptions<FeedbackOptions> options,
        CancellationToken cancellationToken)
    {
        var group = request.Group is null ? StakeholderGroup.Others : KebabCase.Parse<StakeholderGroup>(request.Group, "group");
        if (await FindLinkAsync(db, token, cancellationToken) is not var (activity, project))
        {
            return Problems.NotFound("feedback link", token);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (project.HasEnded)
        {
            throw new RuleViolationException("The project has ended.", "Thank you all the same: an ended project's evaluations are kept as they were.", field: "token");
        }
        if (activity.FeedbackClosedReason(now) is { } closed)
        {
            throw new RuleViolationException(closed, "Thank you all the same: this link takes answers only during the activity's feedback window.", field: "token");
        }
        // Anyone may tap, so nobody may speak for a group the activity was not for: that would count towards the
        // evaluation gate's stakeholder groups. "others" is always open.
        if (group != StakeholderGroup.Others && activity.StakeholderGroups.Count > 0 && !activity.StakeholderGroups.Contains(group))
        {
            throw new InvalidFieldException("group", $"This activity was for {string.Join(", ", activity.StakeholderGroups.Select(g => g.ToKebabCase()))}; answer as one of them or as others.");
        }
        // A one-way key of the link and the address: enough to count, never the address itself.
        var sender = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{activity.FeedbackToken}|{http.Connection.RemoteIpAddress}")))[..32];
        var hourAgo = now.AddHours(-1);
        var recent = await db.Evaluations.Where(e => e.ActivityId == activity.Id && e.SenderKey == sender && e.GivenAt > hourAgo)
            .OrderBy(e => e.GivenAt).Select(e => e.GivenAt).ToListAsync(cancellationToken);
        if (recent.Count >= options.Value.PerAddressPerHour)
        {
            return Problems.TooMany("Too much feedback from one address.",
                $"This address has given {recent.Count} answers to this activity in the last hour; try again later.", recent[0].AddHours(1) - now, http);
        }
        var evaluation = Evaluation.ByLightFeedback(project, activity, group, request.Rating!.Value, request.Word?.Trim() ?? "", sender, now);
        db.Evaluations.Add(evaluation);
        db.Publish(EvaluationsApi.Submitted(evaluation));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/projects/{project.Id}/evaluations", new FeedbackReceipt(evaluation.Id, evaluation.Rating, evaluation.GivenAt));
    }

    private static async Task<(Activity Activity, Project Project)?> FindLinkAsync(ProjectsDbContext db, string token, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.FeedbackToken == token, cancellationToken);
        var project = activity is null ? null : await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == activity.ProjectId, cancellationToken);
        return activity is null || project is null ? null : (activity, project);
    }

    private static async Task<Dictionary<Guid, string>> PlacesAsync(ProjectsDbContext db, IEnumerable<Guid> environmentIds, CancellationToken cancellationToken)
    {
        var ids = environmentIds.Distinct().ToList();
        // An environment its city unit has taken off the public list is not named, also where activities were held.
        return await db.KnownEnvironments.AsNoTracking().Where(e => ids.Contains(e.Id) && e.Published).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
    }
}

public sealed record HostRequest([property: Required] Guid EnvironmentId);

public sealed record ActivityRequest(
    [property: Required(AllowEmptyStrings = false)] string Kind,
    [property: Required(AllowEmptyStrings = false), StringLength(200), VisibleText] string Title,
    [property: StringLength(4000), SafeMarkdown] string? Description,
    [property: Required] DateTime? StartsAt,
    [property: Required] DateTime? EndsAt,
    Guid? EnvironmentId,
    [property: MaxLength(50)] IReadOnlyList<Guid>? OrganisationIds,
    [property: MaxLength(6)] IReadOnlyList<string>? StakeholderGroups);

/// <summary>
/// An activity, with its times in UTC and as the city's wall clock. The feedback link's token is shown only to the
/// project's organisations, who hand it out.
/// </summary>
public sealed record ActivityResponse(
    Guid Id, Guid ProjectId, ActivityKind Kind, string Title, string Description, DateTime StartsAt, DateTime EndsAt, string StartsAtLocal, string EndsAtLocal,
    string TimeZone, Guid EnvironmentId, string? EnvironmentName, IReadOnlyList<Guid> OrganisationIds, IReadOnlyList<StakeholderGroup> StakeholderGroups,
    DateTime FeedbackClosesAt, string? FeedbackToken)
{
    public static ActivityResponse From(Activity a, IReadOnlyDictionary<Guid, string> places, CityCalendar city, bool team) => new(
        a.Id, a.ProjectId, a.Kind, a.Title, a.Description, a.StartsAt, a.EndsAt, LocalText(city.Local(a.StartsAt)), LocalText(city.Local(a.EndsAt)), city.TimeZone,
        a.EnvironmentId, places.GetValueOrDefault(a.EnvironmentId), a.OrganisationIds, a.StakeholderGroups, a.FeedbackClosesAt, team ? a.FeedbackToken : null);

    private static string LocalText(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record FeedbackRequest(
    [property: Required, Range(Evaluation.MinRating, Evaluation.MaxRating)] int? Rating,
    [property: StringLength(ProjectLimits.FeedbackWordLength)] string? Word,
    string? Group);

public sealed record FeedbackResponse(
    Guid ProjectId, string ProjectTitle, ActivityResponse Activity, bool Open, DateTime ClosesAt, IReadOnlyList<StakeholderGroup> Groups);

public sealed record FeedbackReceipt(Guid Id, int Rating, DateTime GivenAt);
