using CoCreation.IntegrationEvents;

namespace CoCreation.Projects.Model;

/// <summary>
/// An idea as the ideas service last told of it (<c>IdeaStatusChanged</c>): whose it is, and whether it is published,
/// so that its organisation may start a project from it by hand.
/// </summary>
public sealed class KnownIdea
{
    public Guid Id { get; private set; }

    public Guid OwnerOrganisationId { get; private set; }

    public string Title { get; private set; } = "";

    public IdeaStatus Status { get; private set; }

    public DateTime ChangedAt { get; private set; }

    /// <summary>
    /// Bumped by whatever must see the idea's partnership and projects together: a start by hand and an arriving
    /// partnership. As a concurrency token it makes the later of two interleaving ones fail and retry, so a partnership
    /// can never miss the project started by hand a moment before it.
    /// </summary>
    public int Version { get; private set; }

    private KnownIdea()
    {
    }

    public static KnownIdea New(Guid id) => new() { Id = id };

    /// <summary>A project may start from a published idea, whether or not a partner is found yet.</summary>
    public bool IsOpen => Status is IdeaStatus.Published or IdeaStatus.PartnerFound or IdeaStatus.ConvertedToProject;

    public void Claim() => Version++;

    /// <summary>Takes a change newer than the one held; an older one arriving late changes nothing.</summary>
    public void Follow(Guid ownerOrganisationId, string title, IdeaStatus status, DateTime changedAt)
    {
        if (changedAt < ChangedAt)
        {
            return;
        }
        (OwnerOrganisationId, Title, Status, ChangedAt) = (ownerOrganisationId, title, status, changedAt);
    }
}

/// <summary>
/// An organisation as partner-matching last described it (<c>OrganisationProfileChanged</c>): what a co-creation
/// reference calls it.
/// </summary>
public sealed class KnownOrganisation
{
    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Type { get; private set; } = "";

    public DateTime ChangedAt { get; private set; }

    private KnownOrganisation()
    {
    }

    public static KnownOrganisation New(Guid id) => new() { Id = id };

    /// <summary>Takes a description newer than the one held; an older one arriving late changes nothing.</summary>
    public void Describe(string name, string type, DateTime changedAt)
    {
        if (changedAt < ChangedAt)
        {
            return;
        }
        (Name, Type, ChangedAt) = (name, type, changedAt);
    }
}

/// <summary>
/// A real environment as partner-matching last described it (<c>EnvironmentChanged</c>): the places that may host a
/// project and its activities, and the city unit that hosts them.
/// </summary>
public sealed class KnownEnvironment
{
    public Guid Id { get; private set; }

    public Guid HostOrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    public string Kind { get; private set; } = "";

    public bool Published { get; private set; }

    public DateTime ChangedAt { get; private set; }

    private KnownEnvironment()
    {
    }

    public static KnownEnvironment New(Guid id) => new() { Id = id };

    public void Describe(Guid hostOrganisationId, string name, string kind, bool published, DateTime changedAt)
    {
        if (changedAt < ChangedAt)
        {
            return;
        }
        (HostOrganisationId, Name, Kind, Published, ChangedAt) = (hostOrganisationId, name, kind, published, changedAt);
    }
}

/// <summary>A participating organisation's own rating of the project, given at its end beside the owner's success rating.</summary>
public sealed class ParticipantRating
{
    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Rating { get; private set; }

    public string Comment { get; private set; } = "";

    public string RatedByPersonId { get; private set; } = "";

    public DateTime RatedAt { get; private set; }

    private ParticipantRating()
    {
    }

    public static ParticipantRating New(Guid projectId, Guid organisationId) => new() { Id = Guid.CreateVersion7(), ProjectId = projectId, OrganisationId = organisationId };

    public void Rate(int rating, string comment, string personId, DateTime now)
    {
        if (rating is < Evaluation.MinRating or > Evaluation.MaxRating)
        {
            throw new CoCreation.ApiConventions.InvalidFieldException("rating", $"A rating is from {Evaluation.MinRating} to {Evaluation.MaxRating}.");
        }
        (Rating, Comment, RatedByPersonId, RatedAt) = (rating, comment, personId, now);
    }

    public void Pseudonymise(string pseudonym) => RatedByPersonId = pseudonym;
}
