namespace CoCreation.IntegrationEvents;

// Events the projects service publishes.

/// <summary>A matched idea became a development project carried out in a real environment.</summary>
public sealed record ProjectCreated(
    Guid ProjectId,
    Guid IdeaId,
    string Title,
    Guid OwnerOrganisationId,
    IReadOnlyList<Guid> PartnerOrganisationIds,
    DateTimeOffset CreatedAt);

/// <summary>A project ended and was evaluated: its organisations have co-created, which matching counts in their favour.</summary>
public sealed record ProjectCompleted(
    Guid ProjectId,
    Guid IdeaId,
    Guid OwnerOrganisationId,
    IReadOnlyList<Guid> PartnerOrganisationIds,
    DateTimeOffset CompletedAt);

/// <summary>
/// A project moved to another phase of the CoSIE roadmap (planning, agreement, piloting, evaluation, completed,
/// discontinued); <paramref name="Reason"/> says why it was discontinued, and is null otherwise. <paramref name="IdeaId"/>
/// names the idea it grew from, so the ideas service follows it without waiting for ProjectCreated.
/// </summary>
public sealed record ProjectPhaseChanged(
    Guid ProjectId,
    string FromPhase,
    string ToPhase,
    string? Reason,
    Guid OwnerOrganisationId,
    IReadOnlyList<Guid> PartnerOrganisationIds,
    DateTimeOffset ChangedAt,
    string ProjectTitle = "",
    Guid IdeaId = default);

/// <summary>
/// A project's agreement has a new version: every participating organisation (<paramref name="OrganisationIds"/>:
/// owner, partners, environment host) is asked to accept it.
/// </summary>
public sealed record ProjectAgreementChanged(Guid ProjectId, string ProjectTitle, int Version, IReadOnlyList<Guid> OrganisationIds, DateTimeOffset ChangedAt);

/// <summary>A project scheduled an activity (workshop, pilot session, social hackathon, community reporting) in a real environment.</summary>
public sealed record ActivityScheduled(
    Guid ProjectId,
    string ProjectTitle,
    Guid ActivityId,
    string Kind,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    Guid EnvironmentId,
    IReadOnlyList<Guid> OrganisationIds,
    DateTimeOffset ScheduledAt);

/// <summary>
/// A stakeholder evaluated a project, from the team or through an activity's anonymous light-feedback link
/// (<paramref name="Source"/>: team or light-feedback). Carries no person.
/// </summary>
public sealed record EvaluationSubmitted(
    Guid ProjectId,
    Guid EvaluationId,
    Guid? ActivityId,
    string Group,
    int Rating,
    string Source,
    string Phase,
    DateTimeOffset SubmittedAt);

/// <summary>A project recorded a decision in its public log (<paramref name="Corrects"/>: the number of the entry it corrects).</summary>
public sealed record DecisionRecorded(
    Guid ProjectId,
    string ProjectTitle,
    int Number,
    string Title,
    Guid DecidedByOrganisationId,
    int? Corrects,
    IReadOnlyList<Guid> OrganisationIds,
    DateTimeOffset RecordedAt);

/// <summary>
/// A project's owner invited an organisation to join it as a partner; the invited organisation's people are told,
/// and it accepts or declines on the project page.
/// </summary>
public sealed record ProjectInvitationSent(
    Guid ProjectId,
    string ProjectTitle,
    Guid InvitationId,
    Guid InvitedOrganisationId,
    Guid OwnerOrganisationId,
    string Message,
    DateTimeOffset SentAt);

/// <summary>An invited organisation accepted (it is now a partner) or declined a project's invitation.</summary>
public sealed record ProjectInvitationAnswered(
    Guid ProjectId,
    string ProjectTitle,
    Guid InvitationId,
    Guid InvitedOrganisationId,
    Guid OwnerOrganisationId,
    bool Accepted,
    DateTimeOffset AnsweredAt);
