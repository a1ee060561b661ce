namespace CoCreation.IntegrationEvents;

// Events the partner-matching service publishes.

/// <summary>An idea's owner accepted an organisation's interest: the idea has found its partner.</summary>
public sealed record PartnershipAgreed(
    Guid PartnershipId,
    Guid IdeaId,
    Guid OwnerOrganisationId,
    IReadOnlyList<Guid> PartnerOrganisationIds,
    Guid? EnvironmentId,
    DateTimeOffset AgreedAt);

/// <summary>An organisation expressed interest in an idea; its owner is asked to accept or decline.</summary>
public sealed record InterestExpressed(
    Guid InterestId,
    Guid IdeaId,
    string IdeaTitle,
    string IdeaOwnerPersonId,
    Guid IdeaOwnerOrganisationId,
    Guid InterestedOrganisationId,
    string InterestedOrganisationName,
    string Message,
    DateTimeOffset ExpressedAt);

/// <summary>
/// The idea's owner accepted an interest, with a reply, for the person who showed it (the organisations' side of the
/// same decision is <see cref="PartnershipAgreed"/>, committed with it).
/// </summary>
public sealed record InterestAccepted(Guid InterestId, Guid IdeaId, string IdeaTitle, Guid InterestedOrganisationId, string InterestedPersonId, string Reply, DateTimeOffset AcceptedAt);

/// <summary>The idea's owner declined an interest, with a reply for the organisation that showed it.</summary>
public sealed record InterestDeclined(Guid InterestId, Guid IdeaId, string IdeaTitle, Guid InterestedOrganisationId, string InterestedPersonId, string Reply, DateTimeOffset DeclinedAt);

/// <summary>
/// The best partners for a newly published idea, so that notifications can tell them. Each suggestion carries its
/// score (0 to 1) and the reasons in words, so the message can say why.
/// </summary>
public sealed record MatchesSuggested(Guid IdeaId, string IdeaTitle, Guid OwnerOrganisationId, IReadOnlyList<SuggestedPartner> Partners, DateTimeOffset SuggestedAt);

public sealed record SuggestedPartner(Guid OrganisationId, string Name, double Score, IReadOnlyList<string> Reasons);

/// <summary>
/// An organisation's profile was created or changed: other services keep its name (a project's co-creation reference
/// names the organisations as their profiles did when it was issued).
/// </summary>
public sealed record OrganisationProfileChanged(Guid OrganisationId, string Name, string Type, DateTimeOffset ChangedAt);

/// <summary>
/// A city unit registered or changed a real environment (a school, a day-care centre, a library...): projects may host
/// their pilots and activities there.
/// </summary>
public sealed record EnvironmentChanged(Guid EnvironmentId, Guid HostOrganisationId, string Name, string Kind, bool Published, DateTimeOffset ChangedAt);
