using System.ComponentModel.DataAnnotations;
using CoCreation.ApiConventions;
using CoCreation.Ideas.Infrastructure;
using CoCreation.Ideas.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Ideas.Apis;

/// <summary>Light participation on published ideas: comments (one level of replies), supports and follows, and reports.</summary>
public static class ParticipationApi
{
    public static IEndpointRouteBuilder MapParticipationApi(this IEndpointRouteBuilder routes)
    {
        var idea = routes.MapGroup("/api/v1/ideas/{id:guid}").WithTags("Participation").WithRequestValidation().RequireScopeForWrites(ApiScopes.IdeasWrite);
        idea.MapGet("/comments", ListComments).WithName(nameof(ListComments))
            .WithSummary("Top-level comments, oldest first, each with its replies; cursor pages").ProducesValidationProblem();
        idea.MapPost("/comments", AddComment).WithName(nameof(AddComment))
            .WithSummary("Comment on a published idea, or reply to a top-level comment. Honours Idempotency-Key.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        idea.MapPut("/support", Support).WithName(nameof(Support)).WithSummary("Support the idea (once per person; repeating changes nothing)").ProducesProblem(StatusCodes.Status409Conflict);
        idea.MapDelete("/support", WithdrawSupport).WithName(nameof(WithdrawSupport)).WithSummary("Take your support back");
        idea.MapPut("/follow", FollowIdea).WithName(nameof(FollowIdea)).WithSummary("Follow the idea's changes and comments").ProducesProblem(StatusCodes.Status409Conflict);
        idea.MapDelete("/follow", Unfollow).WithName(nameof(Unfollow)).WithSummary("Stop following");
        idea.MapPost("/reports", ReportIdea).WithName(nameof(ReportIdea))
            .WithSummary("Report the idea to the moderators").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        idea.MapPost("/comments/{commentId:guid}/reports", ReportComment).WithName(nameof(ReportComment))
            .WithSummary("Report a comment to the moderators").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Ok<CursorPage<CommentResponse>>, NotFoundProblem>> ListComments(
        Guid id, ActingParty? actor, IdeasDbContext db, CancellationToken cancellationToken, string? cursor = null, int? limit = null)
    {
        var page = Paging.Read<CommentCursor>(cursor, limit);
        if (await IdeaRules.FindVisibleAsync(db, id, actor, cancellationToken) is null)
        {
            return Problems.NotFound("idea", id);
        }
        var topLevel = db.Comments.AsNoTracking().Where(c => c.IdeaId == id && c.ParentCommentId == null && c.HiddenAt == null);
        if (page.After is { } after)
        {
            topLevel = topLevel.Where(c => c.CreatedAt > after.CreatedAt || (c.CreatedAt == after.CreatedAt && c.Id.CompareTo(after.Id) > 0));
        }
        var threads = await topLevel.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(page.FetchCount).ToListAsync(cancellationToken);
        var threadIds = threads.Select(c => c.Id).ToList();
        var replies = await db.Comments.AsNoTracking()
            .Where(c => c.ParentCommentId != null && threadIds.Contains(c.ParentCommentId.Value) && c.HiddenAt == null)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var repliesByThread = replies.ToLookup(r => r.ParentCommentId!.Value);
        return TypedResults.Ok(threads.ToPage(page,
            c => new CommentCursor(c.CreatedAt, c.Id),
            c => CommentResponse.From(c, actor, [.. repliesByThread[c.Id].Select(r => CommentResponse.From(r, actor, []))])));
    }

    public static async Task<Results<CreatedOnce<CommentResponse>, NotFoundProblem>> AddComment(
        Guid id, CommentRequest request, ActingParty actor, HttpContext http, IdeasDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var idea = await IdeaRules.FindVisibleAsync(db, id, actor, cancellationToken, track: true);
        if (idea is null)
        {
            return Problems.NotFound("idea", id);
        }
        return await db.CreateOnceAsync(http, actor.PersonId, request, async () =>
        {
            idea.EnsureOpenForParticipation();
            Comment? parent = null;
            if (request.ParentCommentId is { } parentId)
            {
                parent = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId && c.HiddenAt == null, cancellationToken)
                    ?? throw new InvalidFieldException("parentCommentId", $"There is no comment with id {parentId} on this idea.");
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var comment = Comment.Write(idea.Id, parent, actor.PersonId, actor.OrganisationId, request.Body.Trim(), now);
            db.Comments.Add(comment);
            idea.RecordComment(comment, parent, now);
            return new CreatedResource<CommentResponse>($"/api/v1/ideas/{idea.Id}/comments/{comment.Id}", CommentResponse.From(comment, actor, []));
        }, cancellationToken);
    }

    public static Task<Results<NoContent, NotFoundProblem>> Support(Guid id, ActingParty actor, IdeasDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ToggleAsync(id, actor, db, cancellationToken, async idea =>
        {
            if (await db.Supports.AnyAsync(s => s.IdeaId == id && s.PersonId == actor.PersonId, cancellationToken))
            {
                return;
            }
            idea.EnsureOpenForParticipation();
            db.Supports.Add(new Support(id, actor.PersonId, clock.GetUtcNow().UtcDateTime));
            idea.CountSupport(+1);
        });

    public static Task<Results<NoContent, NotFoundProblem>> WithdrawSupport(Guid id, ActingParty actor, IdeasDbContext db, CancellationToken cancellationToken) =>
        ToggleAsync(id, actor, db, cancellationToken, async idea =>
        {
            if (await db.Supports.FirstOrDefaultAsync(s => s.IdeaId == id && s.PersonId == actor.PersonId, cancellationToken) is { } support)
            {
                db.Supports.Remove(support);
                idea.CountSupport(-1);
            }
        });

    public static Task<Results<NoContent, NotFoundProblem>> FollowIdea(Guid id, ActingParty actor, IdeasDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ToggleAsync(id, actor, db, cancellationToken, async idea =>
        {
            if (await db.Follows.AnyAsync(f => f.IdeaId == id && f.PersonId == actor.PersonId, cancellationToken))
            {
                return;
            }
            idea.EnsureOpenForParticipation();
            db.Follows.Add(new Follow(id, actor.PersonId, clock.GetUtcNow().UtcDateTime));
            idea.CountFollower(+1);
        });

    public static Task<Results<NoContent, NotFoundProblem>> Unfollow(Guid id, ActingParty actor, IdeasDbContext db, CancellationToken cancellationToken) =>
        ToggleAsync(id, actor, db, cancellationToken, async idea =>
        {
            if (await db.Follows.FirstOrDefaultAsync(f => f.IdeaId == id && f.PersonId == actor.PersonId, cancellationToken) is { } follow)
            {
                db.Follows.Remove(follow);
                idea.CountFollower(-1);
            }
        });

    public static async Task<Results<Accepted, NotFoundProblem>> ReportIdea(
        Guid id, ReportRequest request, ActingParty actor, IdeasDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await IdeaRules.FindVisibleAsync(db, id, actor, cancellationToken) is null)
        {
            return Problems.NotFound("idea", id);
        }
        return await FileReportAsync(ModerationTarget.Idea, id, id, request, actor, db, clock, cancellationToken);
    }

    public static async Task<Results<Accepted, NotFoundProblem>> ReportComment(
        Guid id, Guid commentId, ReportRequest request, ActingParty actor, IdeasDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await IdeaRules.FindVisibleAsync(db, id, actor, cancellationToken) is null
            || !await db.Comments.AnyAsync(c => c.Id == commentId && c.IdeaId == id && c.HiddenAt == null, cancellationToken))
        {
            return Problems.NotFound("comment", commentId);
        }
        return await FileReportAsync(ModerationTarget.Comment, commentId, id, request, actor, db, clock, cancellationToken);
    }

    private static async Task<Accepted> FileReportAsync(
        ModerationTarget kind, Guid targetId, Guid ideaId, ReportRequest request, ActingParty actor, IdeasDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var alreadyOpen = await db.Reports.AnyAsync(
            r => r.TargetKind == kind && r.TargetId == targetId && r.ReporterPersonId == actor.PersonId && r.ResolvedAt == null, cancellationToken);
        if (alreadyOpen)
        {
            throw new RuleViolationException("You have already reported this.", "Your earlier report is still waiting for a moderator.");
        }
        db.Reports.Add(Report.File(kind, targetId, ideaId, request.Reason!.Value, request.Details?.Trim() ?? "", actor.PersonId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>
    /// Supports and follows change a counter on the idea, which carries the idea's version as a concurrency token:
    /// if an edit lands at the same moment, the whole toggle is simply tried again on fresh data.
    /// </summary>
    private static async Task<Results<NoContent, NotFoundProblem>> ToggleAsync(Guid id, ActingParty actor, IdeasDbContext db, CancellationToken cancellationToken, Func<Idea, Task> toggle)
    {
        for (var attempt = 1; ; attempt++)
        {
            var idea = await IdeaRules.FindVisibleAsync(db, id, actor, cancellationToken, track: true);
            if (idea is null)
            {
                return Problems.NotFound("idea", id);
            }
            await toggle(idea);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.NoContent();
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A concurrent edit of the idea, or the same person's parallel request: re-read and decide again.
                db.ChangeTracker.Clear();
            }
        }
    }
}

public sealed record CommentRequest(
    [property: Required(AllowEmptyStrings = false), StringLength(IdeaLimits.CommentLength), SafeMarkdown] string Body,
    Guid? ParentCommentId);

public sealed record ReportRequest(
    [property: Required] ReportReason? Reason,
    [property: StringLength(IdeaLimits.ReasonLength)] string? Details);

public sealed record CommentResponse(
    Guid Id, Guid? ParentCommentId, string? AuthorPersonId, Guid? AuthorOrganisationId, string Body, string BodyHtml, DateTime CreatedAt,
    IReadOnlyList<CommentResponse> Replies)
{
    public static CommentResponse From(Comment comment, ActingParty? reader, IReadOnlyList<CommentResponse> replies) => new(
        comment.Id, comment.ParentCommentId, PersonIds.Visible(comment.AuthorPersonId, comment.AuthorOrganisationId, reader), comment.AuthorOrganisationId, comment.Body,
        SafeMarkdown.ToHtml(comment.Body), comment.CreatedAt, replies);
}

public sealed record CommentCursor(DateTime CreatedAt, Guid Id);
