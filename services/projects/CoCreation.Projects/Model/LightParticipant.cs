using System.Security.Cryptography;
using CoCreation.ApiConventions;

namespace CoCreation.Projects.Model;

/// <summary>
/// Someone who takes part lightly, without an account: a pupil's parent, a library visitor. The team gives them a
/// personal link; with it they see the project and its activities and evaluate, as their stakeholder group, once per
/// activity. The team's label ("parents of class 3B") is for the team; the platform knows no name or address.
/// </summary>
public sealed class LightParticipant
{
    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    /// <summary>The capability in the personal link: whoever holds it takes part as this participant.</summary>
    public string Token { get; private set; } = "";

    public string Label { get; private set; } = "";

    public StakeholderGroup Group { get; private set; }

    public string InvitedByPersonId { get; private set; } = "";

    public DateTime InvitedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    private LightParticipant()
    {
    }

    public bool IsActive => RevokedAt is null;

    public static LightParticipant Invite(Project project, string label, StakeholderGroup group, string personId, DateTime now)
    {
        if (project.HasEnded)
        {
            throw new RuleViolationException("The project has ended.", "An ended project invites no one to take part.", field: "phase");
        }
        return new LightParticipant
        {
            Id = Guid.CreateVersion7(),
            ProjectId = project.Id,
            Token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18)),
            Label = label,
            Group = group,
            InvitedByPersonId = personId,
            InvitedAt = now,
        };
    }

    /// <summary>The link stops working: lost, passed on, or no longer wanted.</summary>
    public void Revoke(DateTime now)
    {
        if (RevokedAt is not null)
        {
            throw new RuleViolationException("This link is revoked already.", "Invite the person again for a new link.", field: "participantId");
        }
        RevokedAt = now;
    }

    public void Pseudonymise(string pseudonym) => InvitedByPersonId = pseudonym;
}
