using System.ComponentModel.DataAnnotations;
using CoCreation.ApiConventions;
using CoCreation.Projects.Infrastructure;
using CoCreation.Projects.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Projects.Apis;

/// <summary>
/// The people with a role in a project: each takes a role themselves, for their organisation, by the name they want
/// shown. The team sees the whole team; everyone sees the city contact, whom to ask about the project.
/// </summary>
public static class TeamApi
{
    public static IEndpointRouteBuilder MapTeamApi(this IEndpointRouteBuilder routes)
    {
        var team = routes.MapGroup("/api/v1/projects/{id:guid}/team").WithTags("Projects").WithRequestValidation()
            .RequireScopeForWrites(ApiScopes.ProjectsWrite);
        team.MapGet("/", ListTeam).WithName(nameof(ListTeam))
            .WithSummary("The people with a role in the project (the project's organisations); anyone else sees the city contact only");
        team.MapPut("/me", TakeRole).WithName(nameof(TakeRole))
            .WithSummary("Take a role in the project, or change it: coordinator, contributor, or city-contact (a city unit's person, one per project)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        team.MapDelete("/{memberId:guid}", LeaveTeam).WithName(nameof(LeaveTeam))
            .WithSummary("Leave the team, or (the project's organisation) take someone off it; an ended project's team stays as it was")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Ok<IReadOnlyList<TeamMemberResponse>>, NotFoundProblem>> ListTeam(
        Guid id, ActingParty? actor, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        var members = db.TeamMembers.AsNoTracking().Where(m => m.ProjectId == id);
        if (!project.Involves(actor?.OrganisationId))
        {
            members = members.Where(m => m.Role == TeamRole.CityContact);
        }
        var rows = await members.OrderBy(m => m.JoinedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TeamMemberResponse>>([.. rows.Select(m => TeamMemberResponse.From(m, actor?.PersonId))]);
    }

    public static async Task<Results<Ok<TeamMemberResponse>, NotFoundProblem, ForbiddenProblem>> TakeRole(
        Guid id, TeamRoleRequest request, ActingParty actor, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var role = KebabCase.Parse<TeamRole>(request.Role, "role");
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (actor.OrganisationId is not { } organisationId || !project.Involves(organisationId))
        {
            return ProjectRecords.NotAParticipant("take a role in the project");
        }
        if (role == TeamRole.CityContact)
        {
            if (!actor.ActsForCityUnit)
            {
                throw new RuleViolationException("Only a city unit's people can be the city contact.",
                    "Choose coordinator or contributor, or ask the city unit to name its contact.", field: "role");
            }
            if (await db.TeamMembers.AnyAsync(m => m.ProjectId == id && m.Role == TeamRole.CityContact && m.PersonId != actor.PersonId, cancellationToken))
            {
                throw CityContactTaken();
            }
        }
        var member = await db.TeamMembers.FirstOrDefaultAsync(m => m.ProjectId == id && m.PersonId == actor.PersonId, cancellationToken);
        if (member is null)
        {
            member = TeamMember.Join(project, actor.PersonId, clock.GetUtcNow().UtcDateTime);
            db.TeamMembers.Add(member);
        }
        member.Take(project, request.Name.Trim(), role, organisationId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two people took the city contact's role at once; the unique index kept the first.
            throw CityContactTaken();
        }
        return TypedResults.Ok(TeamMemberResponse.From(member, actor.PersonId));
    }

    public static async Task<Results<NoContent, NotFoundProblem, ForbiddenProblem>> LeaveTeam(
        Guid id, Guid memberId, ActingParty actor, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (await db.TeamMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.ProjectId == id, cancellationToken) is not { } member)
        {
            return Problems.NotFound("team member", memberId);
        }
        if (member.PersonId != actor.PersonId && !actor.ActsFor(project.OwnerOrganisationId))
        {
            return Problems.OnlyOwnerOrganisation("project");
        }
        TeamMember.EnsureOpen(project);
        db.TeamMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static RuleViolationException CityContactTaken() =>
        new("The project has its city contact.", "The present contact leaves the role first.", field: "role");
}

public sealed record TeamRoleRequest(
    [property: Required(AllowEmptyStrings = false), StringLength(ProjectLimits.TeamMemberNameLength), VisibleText] string Name,
    [property: Required(AllowEmptyStrings = false)] string Role);

/// <summary>A person in the team by the name they chose; <c>isYou</c> marks the acting person's own entry. Never the account.</summary>
public sealed record TeamMemberResponse(Guid Id, string Name, TeamRole Role, Guid OrganisationId, DateTime JoinedAt, bool IsYou)
{
    public static TeamMemberResponse From(TeamMember m, string? personId) => new(m.Id, m.Name, m.Role, m.OrganisationId, m.JoinedAt, m.PersonId == personId);
}
