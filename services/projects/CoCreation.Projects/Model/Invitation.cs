using CoCreation.ApiConventions;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;

namespace CoCreation.Projects.Model;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Withdrawn,
}

/// <summary>
/// The owner organisation asks another organisation to join its project as a partner. The invited organisation
/// answers once; accepting makes it a partner (<see cref="Project.Join"/>), which must then accept the agreement.
/// </summary>
public sealed class ProjectInvitation : RaisesIntegrationEvents
{
    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid InvitedOrganisationId { get; private set; }

    public string Message { get; private set; } = "";

    public InvitationStatus Status { get; private set; }

    public string InvitedByPersonId { get; private set; } = "";

    public DateTime InvitedAt { get; private set; }

    public string? AnsweredByPersonId { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    private ProjectInvitation()
    {
    }

    public static ProjectInvitation Send(Project project, Guid organisationId, string message, string personId, DateTime now)
    {
        if (project.HasEnded)
        {
            throw new RuleViolationException("The project has ended.", "An ended project invites no one.", field: "phase");
        }
        if (project.Involves(organisationId))
        {
            throw new RuleViolationException("This organisation already takes part in the project.", "It is a participant; there is nothing to invite it to.",
                field: "organisationId");
        }
        var invitation = new ProjectInvitation
        {
            Id = Guid.CreateVersion7(),
            ProjectId = project.Id,
            InvitedOrganisationId = organisationId,
            Message = message,
            Status = InvitationStatus.Pending,
            InvitedByPersonId = personId,
            InvitedAt = now,
        };
        invitation.Raise(new ProjectInvitationSent(project.Id, project.Title, invitation.Id, organisationId, project.OwnerOrganisationId, message,
            new DateTimeOffset(now, TimeSpan.Zero)));
        return invitation;
    }

    /// <summary>The invited organisation answers; accepting joins it to the project.</summary>
    public void Answer(Project project, bool accept, string personId, DateTime now)
    {
        EnsurePending();
        if (accept)
        {
            project.Join(InvitedOrganisationId);
        }
        Status = accept ? InvitationStatus.Accepted : InvitationStatus.Declined;
        AnsweredByPersonId = personId;
        AnsweredAt = now;
        Raise(new ProjectInvitationAnswered(ProjectId, project.Title, Id, InvitedOrganisationId, project.OwnerOrganisationId, accept,
            new DateTimeOffset(now, TimeSpan.Zero)));
    }

    /// <summary>The owner takes back an invitation not answered yet.</summary>
    public void Withdraw(string personId, DateTime now)
    {
        EnsurePending();
        Status = InvitationStatus.Withdrawn;
        AnsweredByPersonId = personId;
        AnsweredAt = now;
    }

    private void EnsurePending()
    {
        if (Status != InvitationStatus.Pending)
        {
            throw new RuleViolationException("This invitation has been answered.", $"It is {Status.ToKebabCase()}; an invitation is answered once.", field: "status");
        }
    }

    public void Pseudonymise(string personId, string pseudonym)
    {
        if (InvitedByPersonId == personId)
        {
            InvitedByPersonId = pseudonym;
        }
        if (AnsweredByPersonId == personId)
        {
            AnsweredByPersonId = pseudonym;
        }
    }
}
