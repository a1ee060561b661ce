namespace CoCreation.IntegrationEvents;

/// <summary>Projects: a matched idea became a development project carried out in a real environment.</summary>
public sealed record ProjectCreated(
    Guid ProjectId,
    Guid IdeaId,
    string Title,
    Guid OwnerOrganisationId,
    IReadOnlyList<Guid> PartnerOrganisationIds,
    DateTimeOffset CreatedAt);
