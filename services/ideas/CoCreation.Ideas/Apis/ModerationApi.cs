using CoCreation.ApiConventions;
using CoCreation.Ideas.Infrastructure;
using CoCreation.Ideas.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Moderated = Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.NoContent, CoCreation.ApiConventions.ForbiddenProblem, CoCreation.ApiConventions.NotFoundProblem>;

namespace CoCreation.Ideas.Apis;

/// <summary>
/// Moderators hide and unhide ideas and comments (with a reason), work through reports, and read the audit.
/// Hidden content leaves every list at once but is never deleted: the audit and the versions keep it.
/// </summary>
public static class ModerationApi
{
    public static IEndpointRouteBuilder MapModerationApi(this IEndpointRouteBuilder routes)
    {
        var idea = routes.MapGroup("/api/v1/ideas/{id:guid}").WithTags("Moderation").WithRequestValidation().RequireScopeForWrites(ApiScopes.IdeasWrite);
        idea.MapPost("/hide", HideIdea).WithName(nameof(HideIdea)).WithSummary("Hide an idea (moderators)").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        idea.MapPost("/unhide", UnhideIdea).WithName(nameof(UnhideIdea)).WithSummary("Show a hidden idea again (moderators)").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        idea.MapPost("/comments/{commentId:guid}/hide", HideComment).WithName(nameof(HideComment)).WithSummary("Hide a comment (moderators)").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        idea.MapPost("/comments/{commentId:guid}/unhide", UnhideComment).WithName(nameof(UnhideComment)).WithSummary("Show a hidden comment again (moderators)").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        var moderation = routes.MapGroup("/api/v1/moderation").WithTags("Moderation").WithRequestValidation().RequireScopeForWrites(ApiScopes.IdeasWrite);
        moderation.MapGet("/reports", ListReports).WithName(nameof(ListReports))
            .WithSummary("Reports, oldest first; open ones unless ?status=resolved (moderators)").ProducesValidationProblem();
        moderation.MapPost("/reports/{reportId:guid}/dismiss", DismissReport).WithName(nameof(DismissReport))
            .WithSummary("Close a report without acting on its target (moderators)").ProducesValidationProblem();
        moderation.MapGet("/actions", ListActions).WithName(nameof(ListActions))
            .WithSummary("The moderation audit, newest first; ?ideaId= narrows it to one idea (moderators)").ProducesValidationProblem();
        return routes;
    }

    public static Task<Moderated> HideIdea(Guid id, ModerationRequest request, ActingParty actor, IdeasDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ModerateIdeaAsync(id, actor, db, cancellationToken, (idea, now) =>
        {
            idea.Hide(actor.PersonId, request.Reason, now);
            return Act(db, ModerationTarget.Idea, idea.Id, idea.Id, ModerationActionKind.Hidden, request.Reason, actor, now);
        }, clock);

    public static Task<Moderated> UnhideIdea(Guid id, ModerationRequest request, ActingParty actor, IdeasDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ModerateIdeaAsync(id, actor, db, cancellationToken, (idea, now) =>
        {
            idea.Unhide(actor.PersonId, request.Reason, now);
            return Act(db, ModerationTarget.Idea, idea.Id, idea.Id, ModerationActionKind.Unhidden, request.Reason, actor, now);
        }, clock);

    public static Task<Moderated> HideComment(Guid id, Guid commentId, ModerationRequest request, ActingParty actor, IdeasDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ModerateCommentAsync(id, commentId, actor, db, cancellationToken, async (idea, comment, now) =>
        {
            if (comment.IsHidden)
            {
                throw new RuleViolationException("This comment is already hidden.", "Unhide it first to change the reason.");
            }
            comment.Hide(request.Reason, now);
            idea.RecordCommentHidden(comment, request.Reason, now);
            await Act(db, ModerationTarget.Comment, comment.Id, idea.Id, ModerationActionKind.Hidden, request.Reason, actor, now);
        }, clock);

    public static Task<Moderated> UnhideComment(Guid id, Guid commentId, ModerationRequest request, ActingParty actor, IdeasDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ModerateCommentAsync(id, commentId, actor, db, cancellationToken, async (idea, comment, now) =>
        {
            if (!comment.IsHidden)
            {
                throw new RuleViolationException("This comment is not hidden.", "Only a hidden comment can be shown again.");
            }
            comment.Unhide();
            idea.CountComment(+1);
            await Act(db, ModerationTarget.Comment, comment.Id, idea.Id, ModerationActionKind.Unhidden, request.Reason, actor, now);
        }, clock);

    public static async Task<Results<Ok<CursorPage<ReportResponse>>, ForbiddenProblem>> ListReports(
        ActingParty actor, IdeasDbContext db, CancellationToken cancellationToken, string? status = null, string? cursor = null, int? limit = null)
    {
        if (!actor.IsModerator)
        {
            return Problems.OnlyModerators();
        }
        var page = Paging.Read<TimeCursor>(cursor, limit);
        var resolved = (status ?? "open") switch
        {
            "open" => false,
            "resolved" => true,
            _ => throw new InvalidFieldException("status", "Must be open or resolved."),
        };
        var reports = db.Reports.AsNoTracking().Where(r => (r.ResolvedAt != null) == resolved);
        if (page.After is { } after)
        {
            reports = reports.Where(r => r.CreatedAt > after.At || (r.CreatedAt == after.At && r.Id.CompareTo(after.Id) > 0));
        }
        var rows = await reports.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(page.FetchCount).ToListAsync(cancellationToken);
        // What was reported, so a moderator decides from the queue: the idea's title, and the words themselves.
        var ideaIds = rows.Select(r => r.IdeaId).Distinct().ToList();
        var ideas = await db.Ideas.AsNoTracking().Where(i => ideaIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Title, i.Summary, i.HiddenAt }).ToDictionaryAsync(i => i.Id, cancellationToken);
        var commentIds = rows.Where(r => r.TargetKind == ModerationTarget.Comment).Select(r => r.TargetId).ToList();
        var comments = await db.Comments.AsNoTracking().Where(c => commentIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Body, c.HiddenAt }).ToDictionaryAsync(c => c.Id, cancellationToken);
        return TypedResults.Ok(rows.ToPage(page, r => new TimeCursor(r.CreatedAt, r.Id), r =>
        {
            var idea = ideas.GetValueOrDefault(r.IdeaId);
            var comment = r.TargetKind == ModerationTarget.Comment ? comments.GetValueOrDefault(r.TargetId) : null;
            var excerpt = comment?.Body ?? idea?.Summary ?? "";
            var hidden = r.TargetKind == ModerationTarget.Comment ? comment?.HiddenAt is not null : idea?.HiddenAt is not null;
            return ReportResponse.From(r, idea?.Title ?? "", excerpt.Length <= ReportResponse.ExcerptLength ? excerpt : excerpt[..ReportResponse.ExcerptLength] + "…", hidden);
        }));
    }

    public static async Task<Moderated> DismissReport(
        Guid reportId, ModerationRequest request, ActingParty actor, IdeasDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!actor.IsModerator)
        {
            return Problems.OnlyModerators();
        }
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return Problems.NotFound("report", reportId);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        report.Resolve(now);
        db.ModerationActions.Add(new ModerationAction(Guid.CreateVersion7(), report.TargetKind, report.TargetId, report.IdeaId,
            ModerationActionKind.ReportDismissed, request.Reason, actor.PersonId, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<CursorPage<ModerationActionResponse>>, ForbiddenProblem>> ListActions(
        ActingParty actor, IdeasDbContext db, CancellationToken cancellationToken, Guid? ideaId = null, string? cursor = null, int? limit = null)
    {
        if (!actor.IsModerator)
        {
            return Problems.OnlyModerators();
        }
        var page = Paging.Read<TimeCursor>(cursor, limit);
        var actions = db.ModerationActions.AsNoTracking();
        if (ideaId is { } id)
        {
            actions = actions.Where(a => a.IdeaId == id);
        }
        if (page.After is { } after)
        {
            actions = actions.Where(a => a.At < after.At || (a.At == after.At && a.Id.CompareTo(after.Id) < 0));
        }
        var rows = await actions.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(page.FetchCount).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ToPage(page, a => new TimeCursor(a.At, a.Id), ModerationActionResponse.From));
    }

    private static async Task<Moderated> ModerateIdeaAsync(
        Guid id, ActingParty actor, IdeasDbContext db, CancellationToken cancellationToken, Func<Idea, DateTime, Task> moderate, TimeProvider clock)
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
        await moderate(idea, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Moderated> ModerateCommentAsync(
        Guid id, Guid commentId, ActingParty actor, IdeasDbContext db, CancellationToken cancellationToken, Func<Idea, Comment, DateTime, Task> moderate, TimeProvider clock)
    {
        if (!actor.IsModerator)
        {
            return Problems.OnlyModerators();
        }
        var idea = await db.Ideas.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && c.IdeaId == id, cancellationToken);
        if (idea is null || comment is null)
        {
            return Problems.NotFound("comment", commentId);
        }
        await moderate(idea, comment, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Records the action in the audit and closes the open reports it answers.</summary>
    private static async Task Act(
        IdeasDbContext db, ModerationTarget kind, Guid targetId, Guid ideaId, ModerationActionKind action, string reason, ActingParty actor, DateTime now)
    {
        db.ModerationActions.Add(new ModerationAction(Guid.CreateVersion7(), kind, targetId, ideaId, action, reason, actor.PersonId, now));
        if (action == ModerationActionKind.Hidden)
        {
            var open = await db.Reports.Where(r => r.TargetKind == kind && r.TargetId == targetId && r.ResolvedAt == null).ToListAsync();
            open.ForEach(r => r.Resolve(now));
        }
    }
}

public sealed record TimeCursor(DateTime At, Guid Id);

/// <summary>A report, with what it is about: the idea's title, the reported words (up to 300 characters) and whether they are hidden now.</summary>
public sealed record ReportResponse(
    Guid Id, ModerationTarget TargetKind, Guid TargetId, Guid IdeaId, ReportReason Reason, string Details, string ReporterPersonId, DateTime CreatedAt, DateTime? ResolvedAt,
    string IdeaTitle, string Excerpt, bool TargetHidden)
{
    public const int ExcerptLength = 300;

    public static ReportResponse From(Report r, string ideaTitle, string excerpt, bool targetHidden) =>
        new(r.Id, r.TargetKind, r.TargetId, r.IdeaId, r.Reason, r.Details, r.ReporterPersonId, r.CreatedAt, r.ResolvedAt, ideaTitle, excerpt, targetHidden);
}

public sealed record ModerationActionResponse(
    Guid Id, ModerationTarget TargetKind, Guid TargetId, Guid IdeaId, ModerationActionKind Action, string Reason, string ModeratorPersonId, DateTime At)
{
    public static ModerationActionResponse From(ModerationAction a) => new(a.Id, a.TargetKind, a.TargetId, a.IdeaId, a.Action, a.Reason, a.ModeratorPersonId, a.At);
}
