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

/// <summary>The interested organisation's systems hear that the idea's owner accepted it as a partner.</summary>
public sealed class InterestAcceptedWebhookConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<InterestAcceptedWebhookConsumer> logger)
    : IdempotentConsumer<InterestAccepted, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(InterestAccepted message, ConsumeContext<InterestAccepted> context) =>
        WebhookFanOut.EnqueueAsync(Db, WebhookEvents.InterestAccepted, context.MessageId!.Value, message.AcceptedAt, new
        {
            message.InterestId, message.IdeaId, message.IdeaTitle, message.InterestedOrganisationId, message.Reply,
            link = $"/api/v1/ideas/{message.IdeaId}/interests/{message.InterestId}",
        }, [message.InterestedOrganisationId], Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

// A project's events go to its own organisations' systems: the owner, the partners and (where the event names it) the host.

public sealed class ProjectCreatedWebhookConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<ProjectCreatedWebhookConsumer> logger)
    : IdempotentConsumer<ProjectCreated, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ProjectCreated message, ConsumeContext<ProjectCreated> context) =>
        WebhookFanOut.EnqueueAsync(Db, WebhookEvents.ProjectCreated, context.MessageId!.Value, message.CreatedAt, new
        {
            message.ProjectId, message.IdeaId, message.Title, message.OwnerOrganisationId, message.PartnerOrganisationIds,
            link = $"/api/v1/projects/{message.ProjectId}",
        }, [message.OwnerOrganisationId, .. message.PartnerOrganisationIds], Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

public sealed class ProjectPhaseChangedWebhookConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<ProjectPhaseChangedWebhookConsumer> logger)
    : IdempotentConsumer<ProjectPhaseChanged, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ProjectPhaseChanged message, ConsumeContext<ProjectPhaseChanged> context) =>
        WebhookFanOut.EnqueueAsync(Db, WebhookEvents.ProjectPhaseChanged, context.MessageId!.Value, message.ChangedAt, new
        {
            message.ProjectId, message.ProjectTitle, message.FromPhase, message.ToPhase, message.Reason,
            link = $"/api/v1/projects/{message.ProjectId}",
        }, [message.OwnerOrganisationId, .. message.PartnerOrganisationIds], Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

public sealed class ProjectAgreementChangedWebhookConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<ProjectAgreementChangedWebhookConsumer> logger)
    : IdempotentConsumer<ProjectAgreementChanged, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ProjectAgreementChanged message, ConsumeContext<ProjectAgreementChanged> context) =>
        WebhookFanOut.EnqueueAsync(Db, WebhookEvents.ProjectAgreementChanged, context.MessageId!.Value, message.ChangedAt, new
        {
            message.ProjectId, message.ProjectTitle, message.Version, link = $"/api/v1/projects/{message.ProjectId}/agreement",
        }, message.OrganisationIds, Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

public sealed class ActivityScheduledWebhookConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<ActivityScheduledWebhookConsumer> logger)
    : IdempotentConsumer<ActivityScheduled, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ActivityScheduled message, ConsumeContext<ActivityScheduled> context) =>
        WebhookFanOut.EnqueueAsync(Db, WebhookEvents.ActivityScheduled, context.MessageId!.Value, message.ScheduledAt, new
        {
            message.ProjectId, message.ProjectTitle, message.ActivityId, message.Kind, message.Title, message.StartsAt, message.EndsAt, message.EnvironmentId,
            link = $"/api/v1/projects/{message.ProjectId}/activities",
        }, message.OrganisationIds, Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

/// <summary>Evaluations are public as ratings; the words stay in the project, and no person is named.</summary>
public sealed class EvaluationSubmittedWebhookConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<EvaluationSubmittedWebhookConsumer> logger)
    : IdempotentConsumer<EvaluationSubmitted, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(EvaluationSubmitted message, ConsumeContext<EvaluationSubmitted> context) =>
        WebhookFanOut.EnqueueAsync(Db, WebhookEvents.EvaluationSubmitted, context.MessageId!.Value, message.SubmittedAt, new
        {
            message.ProjectId, message.EvaluationId, message.ActivityId, message.Group, message.Rating, message.Source, message.Phase,
            link = $"/api/v1/projects/{message.ProjectId}/evaluations",
        }, organisations: null, Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

public sealed class DecisionRecordedWebhookConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<DecisionRecordedWebhookConsumer> logger)
    : IdempotentConsumer<DecisionRecorded, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(DecisionRecorded message, ConsumeContext<DecisionRecorded> context) =>
        WebhookFanOut.EnqueueAsync(Db, WebhookEvents.DecisionRecorded, context.MessageId!.Value, message.RecordedAt, new
        {
            message.ProjectId, message.ProjectTitle, message.Number, message.Title, message.DecidedByOrganisationId, message.Corrects,
            link = $"/api/v1/projects/{message.ProjectId}/decisions",
        }, message.OrganisationIds, Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

public sealed class ProjectCompletedWebhookConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<ProjectCompletedWebhookConsumer> logger)
    : IdempotentConsumer<ProjectCompleted, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ProjectCompleted message, ConsumeContext<ProjectCompleted> context) =>
        WebhookFanOut.EnqueueAsync(Db, WebhookEvents.ProjectCompleted, context.MessageId!.Value, message.CompletedAt, new
        {
            message.ProjectId, message.IdeaId, message.OwnerOrganisationId, message.PartnerOrganisationIds,
            link = $"/api/v1/projects/{message.ProjectId}/reference",
        }, [message.OwnerOrganisationId, .. message.PartnerOrganisationIds], Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

/// <summary>To the invited organisation's systems, so they can answer it through the API.</summary>
public sealed class ProjectInvitationSentWebhookConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<ProjectInvitationSentWebhookConsumer> logger)
    : IdempotentConsumer<ProjectInvitationSent, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ProjectInvitationSent message, ConsumeContext<ProjectInvitationSent> context) =>
        WebhookFanOut.EnqueueAsync(Db, WebhookEvents.ProjectInvitationSent, context.MessageId!.Value, message.SentAt, new
        {
            message.ProjectId, message.ProjectTitle, message.InvitationId, message.InvitedOrganisationId, message.OwnerOrganisationId, message.Message,
            link = $"/api/v1/projects/{message.ProjectId}/invitations",
        }, [message.InvitedOrganisationId], Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

/// <summary>To the owner organisation's systems, and to the invited one's, which may act from more than one system.</summary>
public sealed class ProjectInvitationAnsweredWebhookConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<ProjectInvitationAnsweredWebhookConsumer> logger)
    : IdempotentConsumer<ProjectInvitationAnswered, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ProjectInvitationAnswered message, ConsumeContext<ProjectInvitationAnswered> context) =>
        WebhookFanOut.EnqueueAsync(Db, WebhookEvents.ProjectInvitationAnswered, context.MessageId!.Value, message.AnsweredAt, new
        {
            message.ProjectId, message.ProjectTitle, message.InvitationId, message.InvitedOrganisationId, message.Accepted,
            link = $"/api/v1/projects/{message.ProjectId}/invitations",
        }, [message.OwnerOrganisationId, message.InvitedOrganisationId], Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}
