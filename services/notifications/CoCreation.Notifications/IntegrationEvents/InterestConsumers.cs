using System.Diagnostics;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging.Inbox;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Notifications.Model;
using MassTransit;

namespace CoCreation.Notifications.IntegrationEvents;

/// <summary>Tells an idea's owner that an organisation is interested and waits for their answer.</summary>
public sealed class InterestExpressedConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<InterestExpressedConsumer> logger)
    : IdempotentConsumer<InterestExpressed, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(InterestExpressed message, ConsumeContext<InterestExpressed> context)
    {
        Db.Notifications.Add(Notification.Create(message.IdeaOwnerPersonId, "interest-expressed",
            $"{message.InterestedOrganisationName} is interested in your idea \"{message.IdeaTitle}\"",
            message.Message.Length <= 200 ? message.Message : message.Message[..200] + "…",
            $"/api/v1/ideas/{message.IdeaId}/interests/{message.InterestId}",
            Clock.GetUtcNow().UtcDateTime, Activity.Current?.TraceId.ToString()));
        return Task.CompletedTask;
    }
}

/// <summary>Tells the person who showed interest that the idea's owner accepted: their organisation is now a partner.</summary>
public sealed class InterestAcceptedConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<InterestAcceptedConsumer> logger)
    : IdempotentConsumer<InterestAccepted, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(InterestAccepted message, ConsumeContext<InterestAccepted> context)
    {
        Db.Notifications.Add(Notification.Create(message.InterestedPersonId, "interest-accepted",
            $"Your interest in \"{message.IdeaTitle}\" was accepted: you are partners",
            message.Reply.Length == 0 ? "The idea's owner can now start the project with you." : message.Reply,
            $"/api/v1/ideas/{message.IdeaId}/interests/{message.InterestId}",
            Clock.GetUtcNow().UtcDateTime, Activity.Current?.TraceId.ToString()));
        return Task.CompletedTask;
    }
}

/// <summary>Tells the person who showed interest that the idea's owner declined, with the owner's reply.</summary>
public sealed class InterestDeclinedConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<InterestDeclinedConsumer> logger)
    : IdempotentConsumer<InterestDeclined, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(InterestDeclined message, ConsumeContext<InterestDeclined> context)
    {
        Db.Notifications.Add(Notification.Create(message.InterestedPersonId, "interest-declined",
            $"Your interest in \"{message.IdeaTitle}\" was declined",
            message.Reply.Length == 0 ? "The idea's owner gave no reason." : message.Reply,
            $"/api/v1/ideas/{message.IdeaId}/interests/{message.InterestId}",
            Clock.GetUtcNow().UtcDateTime, Activity.Current?.TraceId.ToString()));
        return Task.CompletedTask;
    }
}
