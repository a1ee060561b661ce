using System.ComponentModel.DataAnnotations;
using CoCreation.ApiConventions;
using CoCreation.Ideas.Infrastructure;
using CoCreation.Ideas.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCreation.Ideas.Apis;

using ChallengeChange = Results<Ok<ChallengeResponse>, NotFoundProblem, ForbiddenProblem, PreconditionProblem>;

/// <summary>Challenges: city units ask, ideas answer while the challenge is open. Its answers: GET /api/v1/ideas?challenge={id}.</summary>
public static class ChallengesApi
{
    public static IEndpointRouteBuilder MapChallengesApi(this IEndpointRouteBuilder routes)
    {
        var challenges = routes.MapGroup("/api/v1/challenges").WithTags("Challenges").WithRequestValidation().RequireScopeForWrites(ApiScopes.IdeasWrite);
        challenges.MapGet("/", ListChallenges).WithName(nameof(ListChallenges))
            .WithSummary("Challenges closing soonest first; ?status=open|upcoming|closed, ?theme=").ProducesValidationProblem();
        challenges.MapPost("/", PublishChallenge).WithName(nameof(PublishChallenge))
            .WithSummary("Publish a challenge (city units). Honours Idempotency-Key.")
            .ProducesValidationProblem();
        challenges.MapGet("/{id:guid}", GetChallenge).WithName(nameof(GetChallenge)).WithSummary("Read one challenge");
        challenges.MapPut("/{id:guid}", UpdateChallenge).WithName(nameof(UpdateChallenge))
            .WithSummary("Rewrite a challenge that has not closed, or move its dates (its city unit; If-Match the ETag)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        challenges.MapPost("/{id:guid}/close", CloseChallenge).WithName(nameof(CloseChallenge))
            .WithSummary("End a challenge now: from today it accepts no new answers (its city unit)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<CreatedOnce<ChallengeResponse>, ForbiddenProblem>> PublishChallenge(
        ChallengeRequest request, ActingParty actor, HttpContext http, IdeasDbContext db, TimeProvider clock, IOptions<CityCalendar> calendar,
        CancellationToken cancellationToken)
    {
        if (!actor.ActsForCityUnit)
        {
            return Problems.Forbidden("Only city units publish challenges.", "Act for one of the city's units (a school, a library, a museum...).");
        }
        return await db.CreateOnceAsync(http, actor.PersonId, request, async () =>
        {
            if (request.ClosesOn < calendar.Value.Today(clock))
            {
                throw new InvalidFieldException("closesOn", "A new challenge must close today or later.");
            }
            await IdeaRules.CheckTaxonomyAsync(db, cancellationToken,
                new("themes", TaxonomyFacet.Theme, request.Themes), new("environment", TaxonomyFacet.Environment, [request.Environment]));
            var challenge = Challenge.Publish(request.ToContent(), actor.PersonId, actor.OrganisationId!.Value, clock.GetUtcNow().UtcDateTime);
            db.Challenges.Add(challenge);
            http.Response.Headers.ETag = Preconditions.ETagFor(challenge.Version);
            return new CreatedResource<ChallengeResponse>($"/api/v1/challenges/{challenge.Id}",
                ChallengeResponse.From(challenge, challenge.StatusOn(calendar.Value.Today(clock))));
        }, cancellationToken);
    }

    public static async Task<Results<Ok<ChallengeResponse>, NotFoundProblem>> GetChallenge(
        Guid id, HttpContext http, IdeasDbContext db, TimeProvider clock, IOptions<CityCalendar> calendar, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (challenge is null)
        {
            return Problems.NotFound("challenge", id);
        }
        http.Response.Headers.ETag = Preconditions.ETagFor(challenge.Version);
        return TypedResults.Ok(ChallengeResponse.From(challenge, challenge.StatusOn(calendar.Value.Today(clock))));
    }

    public static async Task<ChallengeChange> UpdateChallenge(
        Guid id, ChallengeRequest request, ActingParty actor, HttpContext http, IdeasDbContext db, TimeProvider clock, IOptions<CityCalendar> calendar,
        CancellationToken cancellationToken) =>
        await ChangeAsOwnerAsync(id, actor, http, db, clock, calendar, cancellationToken, async (challenge, today) =>
        {
            if (Preconditions.CheckIfMatch(http, challenge.Version) is { } failed)
            {
                return failed;
            }
            await IdeaRules.CheckTaxonomyAsync(db, cancellationToken,
                new("themes", TaxonomyFacet.Theme, request.Themes), new("environment", TaxonomyFacet.Environment, [request.Environment]));
            challenge.Update(request.ToContent(), today);
            return null;
        });

    public static async Task<ChallengeChange> CloseChallenge(
        Guid id, ActingParty actor, HttpContext http, IdeasDbContext db, TimeProvider clock, IOptions<CityCalendar> calendar, CancellationToken cancellationToken) =>
        await ChangeAsOwnerAsync(id, actor, http, db, clock, calendar, cancellationToken, (challenge, today) =>
        {
            challenge.Close(today);
            return Task.FromResult<PreconditionProblem?>(null);
        });

    /// <summary>Finds the challenge, lets only its own city unit change it, saves, and answers with the new version.</summary>
    private static async Task<ChallengeChange> ChangeAsOwnerAsync(
        Guid id, ActingParty actor, HttpContext http, IdeasDbContext db, TimeProvider clock, IOptions<CityCalendar> calendar,
        CancellationToken cancellationToken, Func<Challenge, DateOnly, Task<PreconditionProblem?>> change)
    {
        var challenge = await db.Challenges.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (challenge is null)
        {
            return Problems.NotFound("challenge", id);
        }
        if (!actor.ActsFor(challenge.OwnerOrganisationId))
        {
            return Problems.OnlyOwnerOrganisation("challenge");
        }
        var today = calendar.Value.Today(clock);
        if (await change(challenge, today) is { } failed)
        {
            return failed;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Preconditions.ChangedMeanwhile("challenge");
        }
        http.Response.Headers.ETag = Preconditions.ETagFor(challenge.Version);
        return TypedResults.Ok(ChallengeResponse.From(challenge, challenge.StatusOn(today)));
    }

    public static async Task<Ok<CursorPage<ChallengeResponse>>> ListChallenges(
        IdeasDbContext db, TimeProvider clock, IOptions<CityCalendar> calendar, CancellationToken cancellationToken,
        string? status = null, string? theme = null, string? cursor = null, int? limit = null)
    {
        var page = Paging.Read<ChallengeCursor>(cursor, limit);
        var today = calendar.Value.Today(clock);
        var challenges = db.Challenges.AsNoTracking();
        if (status is not null)
        {
            challenges = KebabCase.Parse<ChallengeStatus>(status, "status") switch
            {
                ChallengeStatus.Open => challenges.Where(c => c.OpensOn <= today && c.ClosesOn >= today),
                ChallengeStatus.Upcoming => challenges.Where(c => c.OpensOn > today),
                _ => challenges.Where(c => c.ClosesOn < today),
            };
        }
        if (theme is not null)
        {
            challenges = challenges.Where(c => c.Themes.Contains(theme));
        }
        if (page.After is { } after)
        {
            challenges = challenges.Where(c => c.ClosesOn > after.ClosesOn || (c.ClosesOn == after.ClosesOn && c.Id.CompareTo(after.Id) > 0));
        }
        var rows = await challenges.OrderBy(c => c.ClosesOn).ThenBy(c => c.Id).Take(page.FetchCount).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ToPage(page, c => new ChallengeCursor(c.ClosesOn, c.Id), c => ChallengeResponse.From(c, c.StatusOn(today))));
    }
}

public sealed record ChallengeRequest(
    [property: Required(AllowEmptyStrings = false), StringLength(IdeaLimits.TitleLength), VisibleText] string Title,
    [property: Required(AllowEmptyStrings = false), StringLength(IdeaLimits.SummaryLength)] string Summary,
    [property: StringLength(IdeaLimits.DescriptionLength), SafeMarkdown] string? Description,
    [property: Required, MinLength(1, ErrorMessage = "Choose at least one theme."), TagList] IReadOnlyList<string> Themes,
    [property: Required(AllowEmptyStrings = false)] string Environment,
    [property: Required] DateOnly? OpensOn,
    [property: Required] DateOnly? ClosesOn)
{
    public ChallengeContent ToContent() => new(Title.Trim(), Summary.Trim(), Description ?? "", [.. Themes.Select(t => t.Trim()).Distinct()],
        Environment.Trim(), OpensOn!.Value, ClosesOn!.Value);
}

public sealed record ChallengeResponse(
    Guid Id, string Title, string Summary, string Description, string DescriptionHtml, IReadOnlyList<string> Themes, string Environment,
    DateOnly OpensOn, DateOnly ClosesOn, ChallengeStatus Status, Guid OwnerOrganisationId, DateTime CreatedAt, int Version)
{
    public static ChallengeResponse From(Challenge c, ChallengeStatus status) => new(
        c.Id, c.Title, c.Summary, c.Description, SafeMarkdown.ToHtml(c.Description), c.Themes, c.Environment, c.OpensOn, c.ClosesOn, status,
        c.OwnerOrganisationId, c.CreatedAt, c.Version);
}

public sealed record ChallengeCursor(DateOnly ClosesOn, Guid Id);
