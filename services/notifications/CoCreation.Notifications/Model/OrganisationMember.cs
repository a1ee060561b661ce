namespace CoCreation.Notifications.Model;

/// <summary>
/// The notifications service's copy of who belongs to which organisation (from the identity service's
/// MembershipChanged), so that news for an organisation reaches its people. A membership that ended stays as a row
/// without a role, so that a join arriving after the leave it preceded cannot bring it back.
/// </summary>
public sealed class OrganisationMember
{
    public Guid OrganisationId { get; private set; }

    public string PersonId { get; private set; } = "";

    /// <summary><c>admin</c> or <c>member</c>; null once the membership ended.</summary>
    public string? Role { get; private set; }

    /// <summary>When the membership last changed, as the identity service saw it: an older change arriving late is ignored.</summary>
    public DateTime ChangedAt { get; private set; }

    private OrganisationMember()
    {
    }

    public static OrganisationMember Record(Guid organisationId, string personId, string? role, DateTime changedAt) => new()
    {
        OrganisationId = organisationId, PersonId = personId, Role = role, ChangedAt = changedAt,
    };

    public void Change(string? role, DateTime changedAt)
    {
        Role = role;
        ChangedAt = changedAt;
    }
}
