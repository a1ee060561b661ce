using System.Security.Cryptography;

namespace CoCreation.Notifications.Model;

/// <summary>
/// An organisation's request to be called at <see cref="Url"/> when one of <see cref="Events"/> happens. Deliveries
/// are signed with <see cref="Secret"/>, which the organisation sees once, when it subscribes; it is kept readable
/// here because signing needs it.
/// </summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Url { get; private set; } = "";

    public List<string> Events { get; private set; } = [];

    public string Secret { get; private set; } = "";

    public string CreatedBy { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    private WebhookSubscription()
    {
    }

    public static WebhookSubscription Create(Guid organisationId, string url, IEnumerable<string> events, string createdBy, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrganisationId = organisationId,
        Url = url,
        Events = [.. events.Distinct().Order()],
        // 256 random bits; the "whsec_" prefix tells a leaked string for what it is.
        Secret = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
        CreatedBy = createdBy,
        CreatedAt = now,
    };
}

/// <summary>One event on its way to one subscription: retried with growing delays until the receiver answers 2xx.</summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; private set; }

    public Guid SubscriptionId { get; private set; }

    /// <summary>The event this delivers (the message's id): with the subscription, it is what makes a delivery unique.</summary>
    public Guid EventId { get; private set; }

    public string EventType { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? NextAttemptAt { get; private set; }

    public DateTime? DeliveredAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    private WebhookDelivery()
    {
    }

    public static WebhookDelivery For(Guid subscriptionId, Guid eventId, string eventType, string payload, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        SubscriptionId = subscriptionId,
        EventId = eventId,
        EventType = eventType,
        Payload = payload,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void Delivered(int statusCode, DateTime now)
    {
        Attempts++;
        LastStatusCode = statusCode;
        LastError = null;
        DeliveredAt = now;
        NextAttemptAt = null;
    }

    /// <summary>A failed attempt: the next one after <paramref name="retryDelay"/>, or none once the attempts are used up.</summary>
    public void Failed(int? statusCode, string error, DateTime now, TimeSpan? retryDelay)
    {
        Attempts++;
        LastStatusCode = statusCode;
        LastError = error.Length <= 500 ? error : error[..500];
        NextAttemptAt = retryDelay is { } delay ? now + delay : null;
    }
}

/// <summary>The events an organisation can subscribe to, as they are named in deliveries.</summary>
public static class WebhookEvents
{
    public const string IdeaPublished = "idea.published";
    public const string InterestExpressed = "interest.expressed";
    public const string InterestDeclined = "interest.declined";
    public const string MatchesSuggested = "matches.suggested";
    public const string InterestAccepted = "interest.accepted";
    public const string PartnershipAgreed = "partnership.agreed";
    public const string ProjectCreated = "project.created";
    public const string ProjectPhaseChanged = "project.phase-changed";
    public const string ProjectAgreementChanged = "project.agreement-changed";
    public const string ActivityScheduled = "project.activity-scheduled";
    public const string EvaluationSubmitted = "project.evaluation-submitted";
    public const string DecisionRecorded = "project.decision-recorded";
    public const string ProjectCompleted = "project.completed";
    public const string ProjectInvitationSent = "project.invitation-sent";
    public const string ProjectInvitationAnswered = "project.invitation-answered";
    public const string Ping = "ping";

    public static readonly IReadOnlyList<string> All =
    [
        IdeaPublished, InterestExpressed, InterestAccepted, InterestDeclined, MatchesSuggested, PartnershipAgreed,
        ProjectCreated, ProjectPhaseChanged, ProjectAgreementChanged, ActivityScheduled, EvaluationSubmitted, DecisionRecorded, ProjectCompleted,
        ProjectInvitationSent, ProjectInvitationAnswered,
    ];
}
