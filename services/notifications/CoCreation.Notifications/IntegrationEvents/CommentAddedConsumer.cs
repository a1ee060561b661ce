using System.Diagnostics;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging.Inbox;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Notifications.Model;
using MassTransit;

namespace CoCreation.Notifications.IntegrationEvents;

/// <summary>Tells the idea's owner about a new comment, and the author of the comment it replies to; never the writer themself.</summary>
public sealed class CommentAddedConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<CommentAddedConsumer> logger)
    : IdempotentConsumer<CommentAdded, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(CommentAdded message, ConsumeContext<CommentAdded> context)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var traceId = Activity.Current?.TraceId.ToString();
        var link = $"/api/v1/ideas/{message.IdeaId}/comments";
        if (message.ParentCommentAuthorPersonId is { } parentAuthor && parentAuthor != message.AuthorPersonId)
        {
            Db.Notifications.Add(Notification.Create(parentAuthor, "comment-reply",
                $"A reply to your comment on \"{message.IdeaTitle}\"", message.Excerpt, link, now, traceId));
        }
        if (message.IdeaOwnerPersonId != message.AuthorPersonId && message.IdeaOwnerPersonId != message.ParentCommentAuthorPersonId)
        {
            Db.Notifications.Add(Notification.Create(message.IdeaOwnerPersonId, "comment-added",
                $"A new comment on your idea \"{message.IdeaTitle}\"", message.Excerpt, link, now, traceId));
        }
        return Task.CompletedTask;
    }
}
