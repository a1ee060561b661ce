using CoCreation.ApiConventions;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Notifications.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Notifications.Apis;

public static class NotificationsApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder routes)
    {
        var notifications = routes.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireScopeForWrites(ApiScopes.NotificationsRead);
        notifications.MapGet("/", ListMyNotifications).WithName(nameof(ListMyNotifications)).WithSummary("The acting person's notifications, newest first");
        notifications.MapPost("/{id:guid}/read", MarkRead).WithName(nameof(MarkRead)).WithSummary("Mark one of the acting person's notifications as read");
        return routes;
    }

    public static async Task<Results<Ok<NotificationPage>, ValidationProblem>> ListMyNotifications(
        ActingParty actingParty, NotificationsDbContext db, CancellationToken cancellationToken, int? limit = null, bool unreadOnly = false)
    {
        var pageSize = limit ?? DefaultPageSize;
        if (pageSize is < 1 or > MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Must be between 1 and {MaxPageSize}."] });
        }

        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientPersonId == actingParty.PersonId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }
        // Ids are version-7 GUIDs: ordering by id is ordering by creation time, and uses the inbox index.
        var items = await query.OrderByDescending(n => n.Id).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new NotificationPage([.. items.Select(NotificationResponse.From)]));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(
        Guid id, ActingParty actingParty, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Someone else's notification is reported as missing, so ids cannot be probed.
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.RecipientPersonId == actingParty.PersonId, cancellationToken);
        if (notification is null)
        {
            return TypedResults.Problem(title: "No such notification.", detail: $"You have no notification with id {id}.", statusCode: StatusCodes.Status404NotFound);
        }
        notification.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}

public sealed record NotificationPage(IReadOnlyList<NotificationResponse> Items);

public sealed record NotificationResponse(Guid Id, string Kind, string Title, string Body, string Link, DateTime CreatedAt, DateTime? ReadAt)
{
    public static NotificationResponse From(Notification n) => new(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt);
}
