using CoCreation.IntegrationEvents;
using CoCreation.Messaging.Inbox;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Notifications.Model;
using CoCreation.Notifications.Webhooks;
using MassTransit;

namespace CoCreation.Notifications.IntegrationEvents;

// Each consumer queues the webhook deliveries of one event. The inbox makes a redelivered event queue nothing twice;
// the delivery's unique (subscription, event) key would stop it as well.

public sealed class IdeaPublishedWebhookConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<IdeaPublishedWebhookConsumer> logger)
    : IdempotentConsumer<IdeaPublished, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(IdeaPublished message, ConsumeContext<IdeaPublished> context) =>
        WebhookFanOut.EnqueueAsync(Db, WebhookEvents.IdeaPublished, context.MessageId!.Value, message.PublishedAt, new
        {
            message.IdeaId, message.Kind, message.Title, message.Summary, message.Themes, message.Environments, message.AgeGroups,
            message.SoughtCompetences, message.Language, organisationId = message.OwnerOrganisationId, message.ChallengeId,
            link = $"/api/v1/ideas/{message.IdeaId}",
        }, organisations: null, Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

public sealed class InterestExpressedWebhookConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<InterestExpressedWebhookConsumer> logger)
    : IdempotentConsumer<InterestExpressed, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(InterestExpressed message, ConsumeContext<InterestExpressed> context) =>
        WebhookFanOut.EnqueueAsync(Db, WebhookEvents.InterestExpressed, context.MessageId!.Value, message.ExpressedAt, new
        {
            message.InterestId, message.IdeaId, message.IdeaTitle, message.InterestedOrganisationId, message.InterestedOrganisationName, message.Message,
            link = $"/api/v1/ideas/{message.IdeaId}/interests/{message.InterestId}",
        }, [message.IdeaOwnerOrganisationId], Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

public sealed class InterestDeclinedWebhookConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<InterestDeclinedWebhookConsumer> logger)
    : IdempotentConsumer<InterestDeclined, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(InterestDeclined message, ConsumeContext<InterestDeclined> context) =>
        WebhookFanOut.EnqueueAsync(Db, WebhookEvents.InterestDeclined, context.MessageId!.Value, message.DeclinedAt, new
        {
            message.InterestId, message.IdeaId, message.IdeaTitle, message.Reply,
            link = $"/api/v1/ideas/{message.IdeaId}/interests/{message.InterestId}",
        }, [message.InterestedOrganisationId], Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

public sealed class MatchesSuggestedWebhookConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<MatchesSuggestedWebhookConsumer> logger)
    : IdempotentConsumer<MatchesSuggested, NotificationsDbContext>(db, clock, logger)
{
    /// <summary>Each suggested organisation hears of the idea, with its own score and reasons only.</summary>
    protected override async Task HandleAsync(MatchesSuggested message, ConsumeContext<MatchesSuggested> context)
    {
        foreach (var partner in message.Partners)
        {
            await WebhookFanOut.EnqueueAsync(Db, WebhookEvents.MatchesSuggested, context.MessageId!.Value, message.SuggestedAt, new
            {
                message.IdeaId, message.IdeaTitle, ownerOrganisationId = message.OwnerOrganisationId, partner.Score, partner.Reasons,
                link = $"/api/v1/ideas/{message.IdeaId}",
            }, [partner.OrganisationId], Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
        }
    }
}

public sealed class PartnershipAgreedWebhookConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<PartnershipAgreedWebhookConsumer> logger)
    : IdempotentConsumer<PartnershipAgreed, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(PartnershipAgreed message, ConsumeContext<PartnershipAgreed> context) =>
        WebhookFanOut.EnqueueAsync(Db, WebhookEvents.PartnershipAgreed, context.MessageId!.Value, message.AgreedAt, new
        {
            message.PartnershipId, message.IdeaId, message.OwnerOrganisationId, message.PartnerOrganisationIds, message.EnvironmentId,
            link = $"/api/v1/ideas/{message.IdeaId}",
        }, [message.OwnerOrganisationId, .. message.PartnerOrganisationIds], Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}
