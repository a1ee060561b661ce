using System.ComponentModel.DataAnnotations;
using CoCreation.ApiConventions;
using CoCreation.Messaging;
using CoCreation.Projects.Infrastructure;
using CoCreation.Projects.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCreation.Projects.Apis;

/// <summary>
/// Taking part lightly, by a personal link and without an account: the team invites a parent or a visitor, who sees
/// the project and its activities through the link and evaluates as their stakeholder group, once per activity.
/// </summary>
public static class LightParticipationApi
{
    public static IEndpointRouteBuilder MapLightParticipationApi(this IEndpointRouteBuilder routes)
    {
        var team = routes.MapGroup("/api/v1/projects/{id:guid}/light-participants").WithTags("Projects").WithRequestValidation()
            .RequireScopeForWrites(ApiScopes.ProjectsWrite);
        team.MapGet("/", ListLightParticipants).WithName(nameof(ListLightParticipants))
            .WithSummary("The people invited to take part lightly, with their personal links (the project's organisations)");
        team.MapPost("/", InviteLightParticipant).WithName(nameof(InviteLightParticipant))
            .WithSummary("Invite someone to take part without an account: a label for the team and a stakeholder group; answers with the personal link's token")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        team.MapDelete("/{participantId:guid}", RevokeLightParticipant).WithName(nameof(RevokeLightParticipant))
            .WithSummary("Revoke a personal link: it takes no more answers (the project's organisations)").ProducesProblem(StatusCodes.Status409Conflict);

        var link = routes.MapGroup("/api/v1/participation/{token}").WithTags("Projects").WithRequestValidation();
        link.MapGet("/", Participation).WithName(nameof(Participation))
            .WithSummary("What a personal link shows its holder, without an account: the project, its activities, and which of them are open for an answer");
        link.MapPost("/evaluations", EvaluateByLink).WithName(nameof(EvaluateByLink))
            .WithSummary("Evaluate as the link's stakeholder group: a rating, optional words, optionally an activity (once each)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return routes;
    }

    public static async Task<Results<Ok<IReadOnlyList<LightParticipantResponse>>, NotFoundProblem, ForbiddenProblem>> ListLightParticipants(
        Guid id, ActingParty actor, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (!project.Involves(actor.OrganisationId))
        {
            return ProjectRecords.NotAParticipant("see who takes part lightly");
        }
        var rows = await db.LightParticipants.AsNoTracking().Where(p => p.ProjectId == id).OrderByDescending(p => p.InvitedAt).ToListAsync(cancellationToken);
        var ids = rows.Select(p => (Guid?)p.Id).ToList();
        var answers = await db.Evaluations.AsNoTracking().Where(e => ids.Contains(e.LightParticipantId)).GroupBy(e => e.LightParticipantId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LightParticipantResponse>>([.. rows.Select(p => LightParticipantResponse.From(p, answers.GetValueOrDefault(p.Id)))]);
    }

    public static async Task<Results<Created<LightParticipantResponse>, NotFoundProblem, ForbiddenProblem>> InviteLightParticipant(
        Guid id, LightParticipantRequest request, ActingParty actor, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var group = KebabCase.Parse<StakeholderGroup>(request.Group, "group");
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (!project.Involves(actor.OrganisationId))
        {
            return ProjectRecords.NotAParticipant("invite people to take part lightly");
        }
        var participant = LightParticipant.Invite(project, request.Label.Trim(), group, actor.PersonId, clock.GetUtcNow().UtcDateTime);
        db.LightParticipants.Add(participant);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/participation/{participant.Token}", LightParticipantResponse.From(participant, 0));
    }

    public static async Task<Results<Ok<LightParticipantResponse>, NotFoundProblem, ForbiddenProblem>> RevokeLightParticipant(
        Guid id, Guid participantId, ActingParty actor, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (!project.Involves(actor.OrganisationId))
        {
            return ProjectRecords.NotAParticipant("revoke a personal link");
        }
        if (await db.LightParticipants.FirstOrDefaultAsync(p => p.Id == participantId && p.ProjectId == id, cancellationToken) is not { } participant)
        {
            return Problems.NotFound("light participant", participantId);
        }
        participant.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(LightParticipantResponse.From(participant, await db.Evaluations.CountAsync(e => e.LightParticipantId == participant.Id, cancellationToken)));
    }

    public static async Task<Results<Ok<ParticipationResponse>, NotFoundProblem>> Participation(
        string token, ProjectsDbContext db, TimeProvider clock, IOptions<CityCalendar> city, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, token, cancellationToken) is not var (participant, project))
        {
            return Problems.NotFound("personal link", token);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var activities = await db.Activities.AsNoTracking().Where(a => a.ProjectId == project.Id).OrderBy(a => a.StartsAt).ToListAsync(cancellationToken);
        var placeIds = activities.Select(a => a.EnvironmentId).Distinct().ToList();
        var places = await db.KnownEnvironments.AsNoTracking().Where(e => placeIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var answered = (await db.Evaluations.AsNoTracking().Where(e => e.LightParticipantId == participant.Id && e.ActivityId != null)
            .Select(e => e.ActivityId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        return TypedResults.Ok(new ParticipationResponse(project.Id, project.Title, project.Summary, project.Phase, participant.Group,
            participant.IsActive && !project.HasEnded,
            [.. activities.Select(a => new ParticipationActivity(ActivityResponse.From(a, places, city.Value, team: false),
                a.FeedbackClosedReason(now) is null, answered.Contains(a.Id)))]));
    }

    public static async Task<Results<Created<FeedbackReceipt>, NotFoundProblem, TooManyProblem>> EvaluateByLink(
        string token, LinkEvaluationRequest request, HttpContext http, ProjectsDbContext db, TimeProvider clock, IOptions<FeedbackOptions> options,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(db, token, cancellationToken) is not var (participant, project))
        {
            return Problems.NotFound("personal link", token);
        }
        if (!participant.IsActive || project.HasEnded)
        {
            throw new RuleViolationException(participant.IsActive ? "The project has ended." : "This link is no longer in use.",
                "Thank you all the same: it takes no more answers.", field: "token");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.ActivityId is { } activityId)
        {
            var activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId && a.ProjectId == project.Id, cancellationToken)
                ?? throw new InvalidFieldException("activityId", "This project has no such activity.");
            if (activity.FeedbackClosedReason(now) is { } closed)
            {
                throw new RuleViolationException(closed, "The activity takes answers only during its feedback window.", field: "activityId");
            }
            if (await db.Evaluations.AnyAsync(e => e.LightParticipantId == participant.Id && e.ActivityId == activityId, cancellationToken))
            {
                throw AnsweredAlready();
            }
        }
        // One person's link speaks once a day for the project as a whole: its answers weigh as one person's.
        else if (await db.Evaluations.AnyAsync(e => e.LightParticipantId == participant.Id && e.ActivityId == null && e.GivenAt > now.AddDays(-1), cancellationToken))
        {
            throw new RuleViolationException("This link has answered for the project today.",
                "Each link answers for the project as a whole once a day, and once for each activity; thank you!", field: "activityId");
        }
        var hourAgo = now.AddHours(-1);
        var recent = await db.Evaluations.Where(e => e.LightParticipantId == participant.Id && e.GivenAt > hourAgo)
            .OrderBy(e => e.GivenAt).Select(e => e.GivenAt).ToListAsync(cancellationToken);
        if (recent.Count >= options.Value.PerAddressPerHour)
        {
            return Problems.TooMany("Too many answers from one link.", $"This link has sent {recent.Count} answers in the last hour; try again later.",
                recent[0].AddHours(1) - now, http);
        }
        var evaluation = Evaluation.ByLightParticipant(project, request.ActivityId, participant, request.Rating!.Value, request.Text?.Trim() ?? "", now);
        db.Evaluations.Add(evaluation);
        db.Publish(EvaluationsApi.Submitted(evaluation));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same answer sent twice at once; the unique key kept the first.
            throw AnsweredAlready();
        }
        return TypedResults.Created($"/api/v1/projects/{project.Id}/evaluations", new FeedbackReceipt(evaluation.Id, evaluation.Rating, evaluation.GivenAt));
    }

    private static RuleViolationException AnsweredAlready() =>
        new("This activity has your answer already.", "Each activity takes one answer per link; thank you!", field: "activityId");

    private static async Task<(LightParticipant Participant, Project Project)?> FindAsync(ProjectsDbContext db, string token, CancellationToken cancellationToken)
    {
        var participant = await db.LightParticipants.AsNoTracking().FirstOrDefaultAsync(p => p.Token == token, cancellationToken);
        var project = participant is null ? null : await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == participant.ProjectId, cancellationToken);
        return participant is null || project is null ? null : (participant, project);
    }
}

public sealed record LightParticipantRequest(
    [property: Required(AllowEmptyStrings = false), StringLength(ProjectLimits.LightParticipantLabelLength)] string Label,
    [property: Required(AllowEmptyStrings = false)] string Group);

public sealed record LinkEvaluationRequest(
    [property: Required, Range(Evaluation.MinRating, Evaluation.MaxRating)] int? Rating,
    [property: StringLength(ProjectLimits.EvaluationTextLength)] string? Text,
    Guid? ActivityId);

/// <summary>A light participant as the team sees them: the label, the group, the link's token, and how many answers came by it.</summary>
public sealed record LightParticipantResponse(Guid Id, string Label, StakeholderGroup Group, string Token, DateTime InvitedAt, DateTime? RevokedAt, int Answers)
{
    public static LightParticipantResponse From(LightParticipant p, int answers) => new(p.Id, p.Label, p.Group, p.Token, p.InvitedAt, p.RevokedAt, answers);
}

public sealed record ParticipationActivity(ActivityResponse Activity, bool Open, bool Answered);

/// <summary>What the link's holder sees: never the team's label for them, nor anyone else's answers.</summary>
public sealed record ParticipationResponse(
    Guid ProjectId, string ProjectTitle, string ProjectSummary, ProjectPhase Phase, StakeholderGroup Group, bool Open, IReadOnlyList<ParticipationActivity> Activities);
