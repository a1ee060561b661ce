using System.ComponentModel.DataAnnotations;
using CoCreation.ApiConventions;
using CoCreation.PartnerMatching.Infrastructure;
using CoCreation.PartnerMatching.Matching;
using CoCreation.PartnerMatching.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.PartnerMatching.Apis;

/// <summary>An idea's ranked partners, and the two-sided consent that turns interest into a partnership.</summary>
public static class MatchesApi
{
    public static IEndpointRouteBuilder MapMatchesApi(this IEndpointRouteBuilder routes)
    {
        var idea = routes.MapGroup("/api/v1/ideas/{id:guid}").WithTags("Matching").WithRequestValidation().RequireScopeForWrites(ApiScopes.IdeasWrite);
        idea.MapGet("/matches", GetMatches).WithName(nameof(GetMatches))
            .WithSummary("The best partner organisations for the idea, each score broken into weighted reasons with what matched").ProducesValidationProblem();
        idea.MapGet("/interests", ListInterests).WithName(nameof(ListInterests))
            .WithSummary("Interests in the idea: all of them for its owner, your own for anyone else");
        idea.MapPost("/interests", ExpressInterest).WithName(nameof(ExpressInterest))
            .WithSummary("Express the acting organisation's interest in the idea, with a message. Honours Idempotency-Key.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        idea.MapPost("/interests/{interestId:guid}/accept", AcceptInterest).WithName(nameof(AcceptInterest))
            .WithSummary("Accept an interest (the idea's owner): publishes PartnershipAgreed").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        idea.MapPost("/interests/{interestId:guid}/decline", DeclineInterest).WithName(nameof(DeclineInterest))
            .WithSummary("Decline an interest with a reply (the idea's owner)").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public const int DefaultMatches = 20;
    public const int MaxMatches = 100;

    public static int CheckLimit(int? limit)
    {
        var count = limit ?? DefaultMatches;
        return count is >= 1 and <= MaxMatches ? count : throw new InvalidFieldException("limit", $"Must be between 1 and {MaxMatches}.");
    }

    public static async Task<Results<Ok<IReadOnlyList<Match>>, NotFoundProblem>> GetMatches(Guid id, PartnerMatchingDbContext db, MatchingIndex index, CancellationToken cancellationToken, int? limit = null)
    {
        var count = CheckLimit(limit);
        var idea = await db.MatchableIdeas.AsNoTracking().FirstOrDefaultAsync(i => i.IdeaId == id, cancellationToken);
        return idea is null ? Problems.NotFound("idea", id) : TypedResults.Ok(index.TopPartnersFor(idea, count));
    }

    public static async Task<Results<Ok<List<InterestResponse>>, NotFoundProblem>> ListInterests(Guid id, ActingParty actor, PartnerMatchingDbContext db, CancellationToken cancellationToken)
    {
        var idea = await db.MatchableIdeas.AsNoTracking().FirstOrDefaultAsync(i => i.IdeaId == id, cancellationToken);
        if (idea is null)
        {
            return Problems.NotFound("idea", id);
        }
        var interests = db.Interests.AsNoTracking().Where(i => i.IdeaId == id);
        if (!actor.ActsFor(idea.OwnerOrganisationId) && !actor.IsModerator)
        {
            var own = actor.OrganisationId;
            interests = interests.Where(i => i.InterestedOrganisationId == own);
        }
        var rows = await interests.OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(InterestResponse.From).ToList());
    }

    public static async Task<Results<CreatedOnce<InterestResponse>, ForbiddenProblem, NotFoundProblem>> ExpressInterest(
        Guid id, InterestRequest request, ActingParty actor, HttpContext http, PartnerMatchingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (actor.OrganisationId is not { } organisationId)
        {
            return Problems.NeedsOrganisation("Expressing interest");
        }
        var idea = await db.MatchableIdeas.FirstOrDefaultAsync(i => i.IdeaId == id, cancellationToken);
        if (idea is null)
        {
            return Problems.NotFound("idea", id);
        }
        try
        {
            return await db.CreateOnceAsync(http, actor.PersonId, request, async () =>
            {
                var profile = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
                    ?? throw new RuleViolationException("Your organisation has no profile yet.",
                        "Create it with POST /api/v1/organisations, so the idea's owner can see who is interested.");
                if (request.EnvironmentId is { } environmentId
                    && !await db.Environments.AnyAsync(e => e.Id == environmentId && e.OwnerOrganisationId == organisationId, cancellationToken))
                {
                    throw new InvalidFieldException("environmentId", "Offer one of your own organisation's environments.");
                }
                if (await db.Interests.AnyAsync(i => i.IdeaId == id && i.InterestedOrganisationId == organisationId, cancellationToken))
                {
                    throw AlreadyInterested();
                }
                var now = clock.GetUtcNow().UtcDateTime;
                var interest = Interest.Express(idea, profile, actor.PersonId, request.Message.Trim(), request.EnvironmentId, now);
                profile.Touch(now);
                db.Interests.Add(interest);
                return new CreatedResource<InterestResponse>($"/api/v1/ideas/{id}/interests/{interest.Id}", InterestResponse.From(interest));
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two requests raced past the check; the unique key kept the second one out.
            throw AlreadyInterested();
        }
    }

    public static Task<Results<Ok<InterestResponse>, NotFoundProblem, ForbiddenProblem>> AcceptInterest(
        Guid id, Guid interestId, DecisionRequest request, ActingParty actor, PartnerMatchingDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(id, interestId, actor, db, cancellationToken, (interest, idea) => interest.Accept(idea, actor.PersonId, request.Reply?.Trim() ?? "", clock.GetUtcNow().UtcDateTime));

    public static Task<Results<Ok<InterestResponse>, NotFoundProblem, ForbiddenProblem>> DeclineInterest(
        Guid id, Guid interestId, DecisionRequest request, ActingParty actor, PartnerMatchingDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(id, interestId, actor, db, cancellationToken, (interest, idea) => interest.Decline(idea, actor.PersonId, request.Reply?.Trim() ?? "", clock.GetUtcNow().UtcDateTime));

    private static async Task<Results<Ok<InterestResponse>, NotFoundProblem, ForbiddenProblem>> DecideAsync(
        Guid id, Guid interestId, ActingParty actor, PartnerMatchingDbContext db, CancellationToken cancellationToken, Action<Interest, MatchableIdea> decide)
    {
        var idea = await db.MatchableIdeas.AsNoTracking().FirstOrDefaultAsync(i => i.IdeaId == id, cancellationToken);
        var interest = await db.Interests.FirstOrDefaultAsync(i => i.Id == interestId && i.IdeaId == id, cancellationToken);
        if (idea is null || interest is null)
        {
            return Problems.NotFound("interest", interestId);
        }
        if (!actor.ActsFor(idea.OwnerOrganisationId))
        {
            return Problems.OnlyOwnerOrganisation("idea");
        }
        decide(interest, idea);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleViolationException("This interest has already been answered.", "Another answer was saved at the same moment; read the interest again.");
        }
        return TypedResults.Ok(InterestResponse.From(interest));
    }

    private static RuleViolationException AlreadyInterested() =>
        new("Your organisation has already shown interest in this idea.", "An organisation shows interest in an idea once; see its answer under GET .../interests.");
}

public sealed record InterestRequest(
    [property: Required(AllowEmptyStrings = false), StringLength(2_000)] string Message,
    Guid? EnvironmentId);

public sealed record DecisionRequest([property: StringLength(2_000)] string? Reply);

public sealed record InterestResponse(
    Guid Id, Guid IdeaId, Guid InterestedOrganisationId, string InterestedPersonId, string Message, Guid? EnvironmentId, InterestStatus Status,
    string? Reply, DateTime CreatedAt, DateTime? DecidedAt)
{
    public static InterestResponse From(Interest i) => new(
        i.Id, i.IdeaId, i.InterestedOrganisationId, i.InterestedPersonId, i.Message, i.EnvironmentId, i.Status, i.Reply, i.CreatedAt, i.DecidedAt);
}
