using CoCreation.ApiConventions;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;

namespace CoCreation.Projects.Model;

/// <summary>A partnership the partner-matching service agreed: what a project may be started from.</summary>
public sealed class AgreedPartnership
{
    public Guid PartnershipId { get; private set; }

    public Guid IdeaId { get; private set; }

    public Guid OwnerOrganisationId { get; private set; }

    public List<Guid> PartnerOrganisationIds { get; private set; } = [];

    public Guid? EnvironmentId { get; private set; }

    public DateTime AgreedAt { get; private set; }

    private AgreedPartnership()
    {
    }

    public static AgreedPartnership From(PartnershipAgreed agreed) => new()
    {
        PartnershipId = agreed.PartnershipId,
        IdeaId = agreed.IdeaId,
        OwnerOrganisationId = agreed.OwnerOrganisationId,
        PartnerOrganisationIds = [.. agreed.PartnerOrganisationIds],
        EnvironmentId = agreed.EnvironmentId,
        AgreedAt = agreed.AgreedAt.UtcDateTime,
    };
}

public enum ProjectStatus
{
    Active,
    Completed,
}

/// <summary>
/// A development project grown from a matched idea: the idea's organisation and its agreed partners, carried out in a
/// real environment, ended with an outcome, a success rating and a public co-creation reference. (Its canvas, phases,
/// activities and evaluations come with the projects domain of their own.)
/// </summary>
public sealed class Project : RaisesIntegrationEvents
{
    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid IdeaId { get; private set; }

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    public Guid OwnerOrganisationId { get; private set; }

    public List<Guid> PartnerOrganisationIds { get; private set; } = [];

    public Guid? EnvironmentId { get; private set; }

    public ProjectStatus Status { get; private set; }

    public string StartedByPersonId { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    /// <summary>What the project achieved, in Markdown; public once the project completes.</summary>
    public string? Outcome { get; private set; }

    /// <summary>1 (did not work) to 5 (worked very well), as the owner organisation rates it at the end.</summary>
    public int? SuccessRating { get; private set; }

    /// <summary>A short public co-creation reference, for the organisations to show.</summary>
    public string? Reference { get; private set; }

    public int Version { get; private set; }

    private Project()
    {
    }

    public bool Involves(Guid? organisationId) =>
        organisationId is { } id && (id == OwnerOrganisationId || PartnerOrganisationIds.Contains(id));

    public static Project Start(AgreedPartnership partnership, string title, string summary, string personId, DateTime now)
    {
        var project = new Project
        {
            Id = Guid.CreateVersion7(),
            PartnershipId = partnership.PartnershipId,
            IdeaId = partnership.IdeaId,
            Title = title,
            Summary = summary,
            OwnerOrganisationId = partnership.OwnerOrganisationId,
            PartnerOrganisationIds = [.. partnership.PartnerOrganisationIds],
            EnvironmentId = partnership.EnvironmentId,
            Status = ProjectStatus.Active,
            StartedByPersonId = personId,
            CreatedAt = now,
            Version = 1,
        };
        project.Raise(new ProjectCreated(project.Id, project.IdeaId, title, project.OwnerOrganisationId, project.PartnerOrganisationIds,
            new DateTimeOffset(now, TimeSpan.Zero)));
        return project;
    }

    public void Complete(string outcome, int successRating, string? reference, DateTime now)
    {
        if (Status == ProjectStatus.Completed)
        {
            throw new RuleViolationException("The project has already completed.", "Its outcome is recorded; it cannot complete twice.", field: "status");
        }
        Status = ProjectStatus.Completed;
        Outcome = outcome;
        SuccessRating = successRating;
        Reference = reference;
        CompletedAt = now;
        Version++;
        Raise(new ProjectCompleted(Id, IdeaId, OwnerOrganisationId, PartnerOrganisationIds, new DateTimeOffset(now, TimeSpan.Zero)));
    }

    /// <summary>The person is erased: the project stays, started by a pseudonym.</summary>
    public void Pseudonymise(string pseudonym) => StartedByPersonId = pseudonym;
}
