using Microsoft.AspNetCore.Identity;

namespace CoCreation.Identity.Model;

/// <summary>A person with an account. Organisation membership and platform roles come on top.</summary>
public sealed class PlatformUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>
    /// The language the person chose for the platform and its mails: fi, sv or en; null until they choose one (their
    /// mails are then in Finnish, and the web follows their browser).
    /// </summary>
    public string? Language { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>An organisation that acts on the platform: its id is the one every service knows it by.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>One of the city's own units (a school, a library, a museum...): its people and systems may publish challenges.</summary>
    public bool IsCityUnit { get; set; }

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

/// <summary>A person's request for everything the platform holds about them, filled in by the services' answers.</summary>
public sealed class PersonalDataExport
{
    public Guid Id { get; set; }

    public string PersonId { get; set; } = "";

    public DateTime RequestedAt { get; set; }

    public List<PersonalDataPart> Parts { get; set; } = [];
}

/// <summary>One service's answer to a <see cref="PersonalDataExport"/>: a JSON document.</summary>
public sealed class PersonalDataPart
{
    public Guid ExportId { get; set; }

    public string Service { get; set; } = "";

    public string DataJson { get; set; } = "";

    public DateTime ReceivedAt { get; set; }
}

/// <summary>The platform's languages. Finnish is the default, as the city's first language.</summary>
public static class PersonLanguages
{
    public const string Default = "fi";

    public static string Of(PlatformUser user) => user.Language ?? Default;

    public const string Invalid = "The language is fi, sv or en.";
}
