namespace CoCreation.Projects.Model;

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
