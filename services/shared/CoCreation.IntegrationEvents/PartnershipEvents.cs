namespace CoCreation.IntegrationEvents;

/// <summary>
/// Partner-matching: an idea's owner accepted one or more organisations' interest. The idea has found its partners.
/// </summary>
public sealed record PartnershipAgreed(
    Guid PartnershipId,
    Guid IdeaId,
    Guid OwnerOrganisationId,
    IReadOnlyList<Guid> PartnerOrganisationIds,
    Guid? EnvironmentId,
    DateTimeOffset AgreedAt);
