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

    public static TeamMember Join(Project project, string personId, DateTime now) =>
        new() { Id = Guid.CreateVersion7(), ProjectId = project.Id, PersonId = personId, JoinedAt = now };

    /// <summary>Takes or changes the role, for the organisation the person acts for now (they may belong to two that take part).</summary>
    public void Take(Project project, string name, TeamRole role, Guid organisationId)
    {
        EnsureOpen(project);
        (Name, Role, OrganisationId) = (name, role, organisationId);
    }

    /// <summary>An ended project's team is kept as it was: nobody joins, changes role or leaves it any more.</summary>
    public static void EnsureOpen(Project project)
    {
        if (project.HasEnded)
        {
            throw new RuleViolationException("The project has ended.", "An ended project's team is kept as it was.", field: "phase");
        }
    }
}
