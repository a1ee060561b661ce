using System.Collections.Immutable;
using System.Security.Claims;
using CoCreation.ApiConventions;
using CoCreation.Identity.Apis;
using CoCreation.Identity.Model;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CoCreation.Identity.Accounts;

/// <summary>
/// What a person's tokens say: who (<c>sub</c>, name, email), their platform roles, and the organisation they act for
/// with their role in it. Built afresh at sign-in and at every refresh, so a changed role or a lost membership shows
/// in the next access token.
/// </summary>
public sealed class PersonPrincipal(UserManager<PlatformUser> users, AccountService accounts)
{
    /// <summary>The claim with the person's role in the organisation they act for: <c>admin</c> or <c>member</c>.</summary>
    public const string OrganisationRoleClaim = "organisation_role";

    /// <summary>The authorisation request parameter that picks one of the person's organisations.</summary>
    public const string OrganisationParameter = "organisation_id";

    /// <summary>
    /// A principal for <paramref name="user"/> acting for <paramref name="organisationId"/> (one of their
    /// organisations; when null, the first by name), with <paramref name="scopes"/>. Null when they are not a member
    /// of the organisation asked for.
    /// </summary>
    public async Task<ClaimsPrincipal?> CreateAsync(PlatformUser user, Guid? organisationId, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        var memberships = await accounts.MembershipsAsync(user.Id, cancellationToken);
        var acting = organisationId is { } wanted ? memberships.FirstOrDefault(m => m.OrganisationId == wanted) : memberships.Count > 0 ? memberships[0] : null;
        if (organisationId is not null && acting is null)
        {
            return null;
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id);
        identity.SetClaim(Claims.Name, user.DisplayName);
        identity.SetClaim(Claims.Email, user.Email);
        // Only a chosen language: the web then switches a browser to it.
        identity.SetClaim(Claims.Locale, user.Language);
        var roles = (await users.GetRolesAsync(user)).ToList();
        if (acting is not null)
        {
            identity.SetClaim(ApiScopes.OrganisationClaim, acting.OrganisationId.ToString());
            identity.SetClaim(OrganisationRoleClaim, acting.Role.ToApiName());
            if (acting.IsCityUnit)
            {
                roles.Add(PlatformRoles.CityUnit);
            }
        }
        identity.SetClaims(Claims.Role, [.. roles]);
        identity.SetScopes(scopes);
        identity.SetAudiences(ApiScopes.Audience);
        identity.SetDestinations(claim => DestinationsOf(claim, identity));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Everything goes into the access token; the ID token gets the profile only when its scope was granted.</summary>
    private static IEnumerable<string> DestinationsOf(Claim claim, ClaimsIdentity identity)
    {
        yield return Destinations.AccessToken;
        var forIdToken = claim.Type switch
        {
            Claims.Subject => true,
            Claims.Name or Claims.Locale or ApiScopes.OrganisationClaim or OrganisationRoleClaim => identity.HasScope(Scopes.Profile),
            Claims.Email => identity.HasScope(Scopes.Email),
            Claims.Role => identity.HasScope(Scopes.Roles),
            _ => false,
        };
        if (forIdToken)
        {
            yield return Destinations.IdentityToken;
        }
    }
}
