using Microsoft.AspNetCore.Identity;

namespace CoCreation.Identity.Model;

/// <summary>A person with an account. Organisation membership and platform roles come on top.</summary>
public sealed class PlatformUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}

/// <summary>An organisation that acts on the platform: its id is the one every service knows it by.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

/// <summary>A person's membership of an organisation, with their role in it.</summary>
public sealed class Membership
{
    public Guid OrganisationId { get; set; }

    public string UserId { get; set; } = "";

    public OrganisationRole Role { get; set; }
}

public enum OrganisationRole
{
    Member,
    OrganisationAdmin,
}

/// <summary>
/// A partner organisation's system: an OAuth2 client (client credentials) that acts for its organisation. OpenIddict
/// keeps its hashed secret; this row ties it to the organisation and records who may revoke it.
/// </summary>
public sealed class ApiClient
{
    public string ClientId { get; set; } = "";

    public Guid OrganisationId { get; set; }

    public string Name { get; set; } = "";

    public List<string> Scopes { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
