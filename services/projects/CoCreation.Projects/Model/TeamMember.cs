using CoCreation.ApiConventions;

namespace CoCreation.Projects.Model;

public enum TeamRole
{
    /// <summary>Runs the project day to day for their organisation.</summary>
    Coordinator,

    /// <summary>Takes part in the work.</summary>
    Contributor,

    /// <summary>The city's person for the project: whom residents and partners ask. One per project, from a city unit.</summary>
    CityContact,
}

/// <summary>
/// A person with a role in the project, by the name they chose to be shown with here. People take a role themselves,
/// for an organisation that takes part; the platform's accounts stay in identity.
/// </summary>
public sealed class TeamMember
{
    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public string PersonId { get; private set; } = "";

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    public TeamRole Role { get; private set; }

    public DateTime JoinedAt { get; private set; }

    private TeamMember()
    {
    }

    public static TeamMember Join(Project project, string personId, Guid organisationId, DateTime now)
    {
        if (project.HasEnded)
        {
            throw new RuleViolationException("The project has ended.", "An ended project's team is kept as it was.", field: "phase");
        }
        return new TeamMember { Id = Guid.CreateVersion7(), ProjectId = project.Id, PersonId = personId, OrganisationId = organisationId, JoinedAt = now };
    }

    public void Take(string name, TeamRole role) => (Name, Role) = (name, role);
}
