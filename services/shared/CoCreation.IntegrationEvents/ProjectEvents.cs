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
/// discontinued); <paramref name="Reason"/> says why it was discontinued, and is null otherwise.
/// </summary>
public sealed record ProjectPhaseChanged(
    Guid ProjectId,
    string FromPhase,
    string ToPhase,
    string? Reason,
    Guid OwnerOrganisationId,
    IReadOnlyList<Guid> PartnerOrganisationIds,
    DateTimeOffset ChangedAt);
