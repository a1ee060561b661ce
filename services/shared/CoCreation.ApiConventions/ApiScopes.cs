namespace CoCreation.ApiConventions;

/// <summary>
/// The names tokens are made of (scopes, one read and one write per resource family; the audience; the organisation
/// claim), named once here for the identity service that issues them and the services that check them.
/// </summary>
public static class ApiScopes
{
    public const string IdeasRead = "ideas.read";
    public const string IdeasWrite = "ideas.write";
    public const string OrganisationsRead = "organisations.read";
    public const string OrganisationsWrite = "organisations.write";
    public const string ProjectsRead = "projects.read";
    public const string ProjectsWrite = "projects.write";
    public const string NotificationsRead = "notifications.read";
    public const string WebhooksWrite = "webhooks.write";

    public static readonly IReadOnlyList<string> All =
        [IdeasRead, IdeasWrite, OrganisationsRead, OrganisationsWrite, ProjectsRead, ProjectsWrite, NotificationsRead, WebhooksWrite];

    /// <summary>The audience every service checks in an access token.</summary>
    public const string Audience = "cocreation-api";

    /// <summary>The claim that names the organisation a token acts for.</summary>
    public const string OrganisationClaim = "organisation_id";
}
