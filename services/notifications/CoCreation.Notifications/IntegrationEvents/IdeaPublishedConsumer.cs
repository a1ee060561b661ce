using System.Diagnostics;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging.Inbox;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Notifications.Model;
using MassTransit;

namespace CoCreation.Notifications.IntegrationEvents;

/// <summary>Tells the idea's owner that it is now public.</summary>
public sealed class IdeaPublishedConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<IdeaPublishedConsumer> logger)
    : IdempotentConsumer<IdeaPublished, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(IdeaPublished message, ConsumeContext<IdeaPublished> context)
    {
        Db.Notifications.Add(Notification.Create(
            recipientPersonId: message.OwnerPersonId,
            kind: "idea-published",
            title: $"Your idea \"{message.Title}\" is published",
            body: "Everyone can now read it, and matching is looking for co-creation partners for it.",
            link: $"/api/v1/ideas/{message.IdeaId}",
            now: Clock.GetUtcNow().UtcDateTime,
            causedByTraceId: Activity.Current?.TraceId.ToString()));
        return Task.CompletedTask;
    }
}
