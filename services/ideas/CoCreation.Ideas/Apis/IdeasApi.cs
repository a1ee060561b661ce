using CoCreation.ApiConventions;
using CoCreation.Ideas.Infrastructure;
using CoCreation.Ideas.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCreation.Ideas.Apis;

using OwnerChange = Results<Ok<IdeaResponse>, NotFoundProblem, ForbiddenProblem, PreconditionProblem>;

/// <summary>Idea cards: create, read, replace, and move through the lifecycle; their version history.</summary>
public static class IdeasApi
{
    public static IEndpointRouteBuilder MapIdeasApi(this IEndpointRouteBuilder routes)
    {
        var ideas = routes.MapGroup("/api/v1/ideas").WithTags("Ideas").WithRequestValidation().RequireScopeForWrites(ApiScopes.IdeasWrite);
        // The answers each handler can give come from its return type (typed results); ProducesValidationProblem and
        // ProducesProblem(409) add what the request validation and the model's rules answer by throwing.
        ideas.MapGet("/", IdeaSearchApi.SearchIdeas).WithName("SearchIdeas")
            .WithSummary("Browse and search ideas: full text, filters, sorting, cursor pages").ProducesValidationProblem();
        ideas.MapPost("/", CreateIdea).WithName(nameof(CreateIdea))
            .WithSummary("Create an idea for the acting organisation: published at once, or a draft with ?draft=true. Honours Idempotency-Key.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        ideas.MapGet("/{id:guid}", GetIdea).WithName(nameof(GetIdea))
            .WithSummary("Read one idea; answers If-None-Match with 304");
        ideas.MapPut("/{id:guid}", UpdateIdea).WithName(nameof(UpdateIdea))
            .WithSummary("Replace an idea's content (owner organisation; needs If-Match)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        ideas.MapPost("/{id:guid}/publish", PublishIdea).WithName(nameof(PublishIdea))
            .WithSummary("Publish a draft (owner organisation); honours If-Match when sent").ProducesProblem(StatusCodes.Status409Conflict);
        ideas.MapPost("/{id:guid}/withdraw", WithdrawIdea).WithName(nameof(WithdrawIdea))
            .WithSummary("Withdraw a published idea (owner organisation); honours If-Match when sent").ProducesProblem(StatusCodes.Status409Conflict);
        ideas.MapPost("/{id:guid}/archive", ArchiveIdea).WithName(nameof(ArchiveIdea))
            .WithSummary("Archive an idea (moderators)").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        ideas.MapGet("/{id:guid}/versions", ListVersions).WithName(nameof(ListVersions))
            .WithSummary("The idea's change history, oldest first");
        return routes;
    }

    public static async Task<Results<CreatedOnce<IdeaResponse>, ForbiddenProblem>> CreateIdea(
        IdeaRequest request, ActingParty actor, HttpContext http, IdeasDbContext db, TimeProvider clock, IOptions<CityCalendar> calendar,
        CancellationToken cancellationToken, [FromQuery] bool draft = false)
    {
        if (actor.OrganisationId is not { } organisationId)
        {
            return Problems.NeedsOrganisation("Creating an idea");
        }
        return await db.CreateOnceAsync(http, actor.PersonId, new { request, draft }, async () =>
        {
            var content = request.ToContent();
            await IdeaRules.CheckContentAsync(db, content, previousChallengeId: null, calendar.Value.Today(clock), cancellationToken);
            var idea = Idea.Create(content, actor.PersonId, organisationId, publish: !draft, clock.GetUtcNow().UtcDateTime);
            db.Ideas.Add(idea);
            http.Response.Headers.ETag = Preconditions.ETagFor(idea.Version);
            return new CreatedResource<IdeaResponse>($"/api/v1/ideas/{idea.Id}", IdeaResponse.From(idea, actor));
        }, cancellationToken);
    }

    public static async Task<Results<Ok<IdeaResponse>, NotModified, NotFoundProblem>> GetIdea(
        Guid id, ActingParty? actor, HttpContext http, IdeasDbContext db, CancellationToken cancellationToken)
    {
        var idea = await IdeaRules.FindVisibleAsync(db, id, actor, cancellationToken);
        if (idea is null)
        {
            return Problems.NotFound("idea", id);
        }
        return Preconditions.SetETagAndCheckNotModified(http, idea.Version)
            ? NotModified.Instance
            : TypedResults.Ok(IdeaResponse.From(idea, actor));
    }

    public static async Task<OwnerChange> UpdateIdea(
        Guid id, IdeaRequest request, ActingParty actor, HttpContext http, IdeasDbContext db, TimeProvider clock, IOptions<CityCalendar> calendar,
        CancellationToken cancellationToken)
    {
        var idea = await IdeaRules.FindVisibleAsync(db, id, actor, cancellationToken, track: true);
        if (idea is null)
        {
            return Problems.NotFound("idea", id);
        }
        if (!actor.ActsFor(idea.OwnerOrganisationId))
        {
            return Problems.OnlyOwnerOrganisation("idea");
        }
        if (Preconditions.CheckIfMatch(http, idea.Version) is { } failed)
        {
            return failed;
        }
        var content = request.ToContent();
        await IdeaRules.CheckContentAsync(db, content, idea.ChallengeId, calendar.Value.Today(clock), cancellationToken);
        idea.Update(content, actor.PersonId, clock.GetUtcNow().UtcDateTime);
        return await SaveAndAnswerAsync(idea, actor, http, db, cancellationToken);
    }

    public static Task<OwnerChange> PublishIdea(Guid id, ActingParty actor, HttpContext http, IdeasDbContext db, TimeProvider clock, IOptions<CityCalendar> calendar, CancellationToken cancellationToken) =>
        ChangeAsOwnerAsync(id, actor, http, db, cancellationToken, async idea =>
        {
            if (idea.ChallengeId is { } challengeId)
            {
                // Publishing is when an answer reaches the challenge, so the challenge must still be open.
                await IdeaRules.CheckChallengeAcceptsAnswersAsync(db, challengeId, calendar.Value.Today(clock), cancellationToken);
            }
            idea.Publish(actor.PersonId, clock.GetUtcNow().UtcDateTime);
        });

    public static Task<OwnerChange> WithdrawIdea(Guid id, ActingParty actor, HttpContext http, IdeasDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeAsOwnerAsync(id, actor, http, db, cancellationToken, idea =>
        {
            idea.Withdraw(actor.PersonId, clock.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        });

    public static async Task<OwnerChange> ArchiveIdea(
        Guid id, ModerationRequest request, ActingParty actor, HttpContext http, IdeasDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!actor.IsModerator)
        {
            return Problems.OnlyModerators();
        }
        var idea = await db.Ideas.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (idea is null)
        {
            return Problems.NotFound("idea", id);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        idea.Archive(actor.PersonId, request.Reason, now);
        db.ModerationActions.Add(new ModerationAction(Guid.CreateVersion7(), ModerationTarget.Idea, idea.Id, idea.Id, ModerationActionKind.Archived, request.Reason, actor.PersonId, now));
        return await SaveAndAnswerAsync(idea, actor, http, db, cancellationToken);
    }

    public static async Task<Results<Ok<List<IdeaVersionResponse>>, NotFoundProblem>> ListVersions(Guid id, ActingParty? actor, IdeasDbContext db, CancellationToken cancellationToken)
    {
        if (await IdeaRules.FindVisibleAsync(db, id, actor, cancellationToken) is not { } idea)
        {
            return Problems.NotFound("idea", id);
        }
        var versions = await db.IdeaVersions.AsNoTracking().Where(v => v.IdeaId == id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        return TypedResults.Ok(versions.Select(v => new IdeaVersionResponse(v.Number, v.Change, PersonIds.Visible(v.ChangedByPersonId, idea.OwnerOrganisationId, actor),
            v.ChangedAt, v.Fields, v.Reason)).ToList());
    }

    /// <summary>A lifecycle move by the owner organisation; If-Match is honoured when sent.</summary>
    private static async Task<OwnerChange> ChangeAsOwnerAsync(
        Guid id, ActingParty actor, HttpContext http, IdeasDbContext db, CancellationToken cancellationToken, Func<Idea, Task> change)
    {
        var idea = await IdeaRules.FindVisibleAsync(db, id, actor, cancellationToken, track: true);
        if (idea is null)
        {
            return Problems.NotFound("idea", id);
        }
        if (!actor.ActsFor(idea.OwnerOrganisationId))
        {
            return Problems.OnlyOwnerOrganisation("idea");
        }
        if (http.Request.Headers.IfMatch.Count > 0 && Preconditions.CheckIfMatch(http, idea.Version) is { } failed)
        {
            return failed;
        }
        await change(idea);
        return await SaveAndAnswerAsync(idea, actor, http, db, cancellationToken);
    }

    private static async Task<OwnerChange> SaveAndAnswerAsync(Idea idea, ActingParty actor, HttpContext http, IdeasDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Preconditions.ChangedMeanwhile("idea");
        }
        http.Response.Headers.ETag = Preconditions.ETagFor(idea.Version);
        return TypedResults.Ok(IdeaResponse.From(idea, actor));
    }
}
