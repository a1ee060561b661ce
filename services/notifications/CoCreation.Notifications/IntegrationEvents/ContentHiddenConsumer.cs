using System.Diagnostics;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging.Inbox;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Notifications.Model;
using MassTransit;

namespace CoCreation.Notifications.IntegrationEvents;

/// <summary>Tells the author that a moderator hid their idea or comment, and why: moderation is never silent.</summary>
public sealed class ContentHiddenConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<ContentHiddenConsumer> logger)
    : IdempotentConsumer<ContentHidden, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ContentHidden message, ConsumeContext<ContentHidden> context)
    {
        var title = message.TargetKind == "comment"
            ? $"Your comment on \"{message.IdeaTitle}\" was hidden by a moderator"
            : $"Your idea \"{message.IdeaTitle}\" was hidden by a moderator";
        Db.Notifications.Add(Notification.Create(message.AuthorPersonId, "content-hidden", title, message.Reason,
            $"/api/v1/ideas/{message.IdeaId}", Clock.GetUtcNow().UtcDateTime, Activity.Current?.TraceId.ToString()));
        return Task.CompletedTask;
    }
}
