namespace CoCreation.IntegrationEvents;

/// <summary>
/// An idea became visible to everyone. Carries what matching and notifications need,
/// so that no consumer has to call the ideas service back.
/// </summary>
public sealed record IdeaPublished(
    Guid IdeaId,
    IdeaKind Kind,
    string Title,
    string Summary,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Environments,
    IReadOnlyList<string> SoughtCompetences,
    string Language,
    string OwnerPersonId,
    Guid OwnerOrganisationId,
    DateTimeOffset PublishedAt);

/// <summary>A need is posted by someone who looks for a solution; an offer by someone who has one.</summary>
public enum IdeaKind
{
    Need,
    Offer,
}
