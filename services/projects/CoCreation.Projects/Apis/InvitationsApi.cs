using System.ComponentModel.DataAnnotations;
using CoCreation.ApiConventions;
using CoCreation.Projects.Infrastructure;
using CoCreation.Projects.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Projects.Apis;

/// <summary>
/// The owner organisation invites organisations to join its project as partners, whether it started from an agreed
/// partnership or by hand; the invited organisation accepts or declines.
/// </summary>
public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder routes)
    {
        var invitations = routes.MapGroup("/api/v1/projects/{id:guid}/invitations").WithTags("Projects").WithRequestValidation()
            .RequireScopeForWrites(ApiScopes.ProjectsWrite);
        invitations.MapGet("/", ListInvitations).WithName(nameof(ListInvitations))
            .WithSummary("The project's invitations, newest first (its organisations see all; an invited organisation sees its own)");
        invitations.MapPost("/", SendInvitation).WithName(nameof(SendInvitation))
            .WithSummary("Invite an organisation to join the project as a partner (the owner organisation)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        invitations.MapPost("/{invitationId:guid}/accept", AcceptInvitation).WithName(nameof(AcceptInvitation))
            .WithSummary("Accept the invitation: the organisation you act for joins the project, and then accepts its agreement")
            .ProducesProblem(StatusCodes.Status409Conflict);
        invitations.MapPost("/{invitationId:guid}/decline", DeclineInvitation).WithName(nameof(DeclineInvitation))
            .WithSummary("Decline the invitation (the invited organisation)").ProducesProblem(StatusCodes.Status409Conflict);
        invitations.MapDelete("/{invitationId:guid}", WithdrawInvitation).WithName(nameof(WithdrawInvitation))
            .WithSummary("Take back an invitation not answered yet (the owner organisation)").ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Ok<IReadOnlyList<InvitationResponse>>, NotFoundProblem, ForbiddenProblem>> ListInvitations(
        Guid id, ActingParty actor, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        var invitations = db.Invitations.AsNoTracking().Where(i => i.ProjectId == id);
        if (!project.Involves(actor.OrganisationId))
        {
            if (actor.OrganisationId is not { } organisation || !await invitations.AnyAsync(i => i.InvitedOrganisationId == organisation, cancellationToken))
            {
                return ProjectRecords.NotAParticipant("see its invitations");
            }
            invitations = invitations.Where(i => i.InvitedOrganisationId == organisation);
        }
        var rows = await invitations.OrderByDescending(i => i.InvitedAt).ToListAsync(cancellationToken);
        var names = await NamesAsync(db, rows.Select(i => i.InvitedOrganisationId), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<InvitationResponse>>([.. rows.Select(i => InvitationResponse.From(i, names))]);
    }

    public static async Task<Results<Created<InvitationResponse>, NotFoundProblem, ForbiddenProblem>> SendInvitation(
        Guid id, InvitationRequest request, ActingParty actor, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (actor.OrganisationId != project.OwnerOrganisationId)
        {
            return Problems.OnlyOwnerOrganisation("project");
        }
        var organisation = request.OrganisationId!.Value;
        // Sending checks the project first (ended, or the organisation already in it); nothing is saved until all checks hold.
        var invitation = ProjectInvitation.Send(project, organisation, request.Message?.Trim() ?? "", actor.PersonId, clock.GetUtcNow().UtcDateTime);
        if (!await db.KnownOrganisations.AnyAsync(o => o.Id == organisation, cancellationToken))
        {
            throw new InvalidFieldException("organisationId", "No organisation with a profile has this id; find organisations under GET /api/v1/organisations.");
        }
        if (await db.Invitations.AnyAsync(i => i.ProjectId == id && i.InvitedOrganisationId == organisation && i.Status == InvitationStatus.Pending, cancellationToken))
        {
            throw new RuleViolationException("This organisation is invited already.", "Its invitation waits for its answer.", field: "organisationId");
        }
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        var names = await NamesAsync(db, [organisation], cancellationToken);
        return TypedResults.Created($"/api/v1/projects/{id}/invitations", InvitationResponse.From(invitation, names));
    }

    public static Task<Results<Ok<InvitationResponse>, NotFoundProblem, ForbiddenProblem>> AcceptInvitation(
        Guid id, Guid invitationId, ActingParty actor, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        AnswerAsync(id, invitationId, accept: true, actor, db, clock, cancellationToken);

    public static Task<Results<Ok<InvitationResponse>, NotFoundProblem, ForbiddenProblem>> DeclineInvitation(
        Guid id, Guid invitationId, ActingParty actor, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        AnswerAsync(id, invitationId, accept: false, actor, db, clock, cancellationToken);

    public static async Task<Results<Ok<InvitationResponse>, NotFoundProblem, ForbiddenProblem>> WithdrawInvitation(
        Guid id, Guid invitationId, ActingParty actor, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (actor.OrganisationId != project.OwnerOrganisationId)
        {
            return Problems.OnlyOwnerOrganisation("project");
        }
        if (await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.ProjectId == id, cancellationToken) is not { } invitation)
        {
            return Problems.NotFound("invitation", invitationId);
        }
        invitation.Withdraw(actor.PersonId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(InvitationResponse.From(invitation, await NamesAsync(db, [invitation.InvitedOrganisationId], cancellationToken)));
    }

    private static async Task<Results<Ok<InvitationResponse>, NotFoundProblem, ForbiddenProblem>> AnswerAsync(
        Guid id, Guid invitationId, bool accept, ActingParty actor, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Projects.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.ProjectId == id, cancellationToken) is not { } invitation)
        {
            return Problems.NotFound("invitation", invitationId);
        }
        if (actor.OrganisationId != invitation.InvitedOrganisationId)
        {
            return Problems.Forbidden("Only the invited organisation answers its invitation.", "Act for the organisation the project invited.");
        }
        invitation.Answer(project, accept, actor.PersonId, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleViolationException("The project changed meanwhile.", "Answer again: the invitation still waits.", field: "status");
        }
        return TypedResults.Ok(InvitationResponse.From(invitation, await NamesAsync(db, [invitation.InvitedOrganisationId], cancellationToken)));
    }

    private static async Task<Dictionary<Guid, string>> NamesAsync(ProjectsDbContext db, IEnumerable<Guid> organisations, CancellationToken cancellationToken)
    {
        var ids = organisations.Distinct().ToList();
        return await db.KnownOrganisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }
}

public sealed record InvitationRequest(
    [property: Required] Guid? OrganisationId,
    [property: StringLength(ProjectLimits.InvitationMessageLength)] string? Message);

/// <summary>An invitation as the project's organisations and the invited one see it; it names organisations, not people.</summary>
public sealed record InvitationResponse(
    Guid Id, Guid ProjectId, Guid InvitedOrganisationId, string OrganisationName, string Message, InvitationStatus Status, DateTime InvitedAt, DateTime? AnsweredAt)
{
    public static InvitationResponse From(ProjectInvitation i, IReadOnlyDictionary<Guid, string> names) =>
        new(i.Id, i.ProjectId, i.InvitedOrganisationId, names.GetValueOrDefault(i.InvitedOrganisationId, ""), i.Message, i.Status, i.InvitedAt, i.AnsweredAt);
}
