using CoCreation.ApiConventions;
using System.Security.Claims;
using CoCreation.Identity.Accounts;
using CoCreation.Identity.Infrastructure;
using CoCreation.Identity.Model;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CoCreation.Identity.Apis;

/// <summary>
/// <c>POST /connect/token</c>. OpenIddict has already checked the client, the grant and (for a code) PKCE; this
/// decides what the token says. A partner system's token names the client, its organisation and the scopes it
/// asked for; a person's token (from a code or a refresh token) is built afresh from their account.
/// </summary>
public static class TokenApi
{
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/connect/token", IssueToken).ExcludeFromDescription().DisableAntiforgery();
        return routes;
    }

    public static async Task<IResult> IssueToken(
        HttpContext http, IdentityServiceDbContext db, UserManager<PlatformUser> users, PersonPrincipal principals, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing; is the token endpoint passthrough enabled?");
        if (request.IsClientCredentialsGrantType())
        {
            return await IssueClientTokenAsync(request, db, cancellationToken);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var user = granted?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            if (granted is null || user is null)
            {
                return OAuthErrors.Refuse(Errors.InvalidGrant, "The account behind this grant no longer exists.");
            }
            var organisation = Guid.TryParse(granted.GetClaim(ApiScopes.OrganisationClaim), out var id) ? id : (Guid?)null;
            var principal = await principals.CreateAsync(user, organisation, granted.GetScopes(), cancellationToken);
            return principal is null
                ? OAuthErrors.Refuse(Errors.InvalidGrant, "The person is no longer a member of the organisation this grant was for. Sign in again.")
                : Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        return OAuthErrors.Refuse(Errors.UnsupportedGrantType,
            "Use client_credentials (partner systems), authorization_code with PKCE or refresh_token (people).");
    }

    private static async Task<IResult> IssueClientTokenAsync(OpenIddictRequest request, IdentityServiceDbContext db, CancellationToken cancellationToken)
    {
        var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == request.ClientId, cancellationToken);
        if (client is null || client.RevokedAt is not null)
        {
            return OAuthErrors.Refuse(Errors.InvalidClient, "This client is unknown or has been revoked.");
        }
        var requested = request.GetScopes();
        var unknown = requested.Where(s => !client.Scopes.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            return OAuthErrors.Refuse(Errors.InvalidScope, $"This client may not ask for: {string.Join(", ", unknown)}.");
        }
        var isCityUnit = await db.Organisations.AnyAsync(o => o.Id == client.OrganisationId && o.IsCityUnit, cancellationToken);

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, TokenSubjects.ClientPrefix + client.ClientId);
        identity.SetClaim(Claims.Name, client.Name);
        identity.SetClaim(ApiScopes.OrganisationClaim, client.OrganisationId.ToString());
        if (isCityUnit)
        {
            identity.SetClaim(Claims.Role, PlatformRoles.CityUnit);
        }
        // No scope asked for means every scope the client was given.
        identity.SetScopes(requested.IsEmpty ? client.Scopes : requested);
        identity.SetAudiences(ApiScopes.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}

/// <summary>OAuth2 error responses (RFC 6749 sections 4.1.2.1 and 5.2), written by OpenIddict.</summary>
internal static class OAuthErrors
{
    /// <summary>
    /// An error OpenIddict found in an authorisation or end-session request it cannot send back to the client (no
    /// valid redirect address): OAuth's own JSON, as the token endpoint answers, rather than a line of plain text.
    /// </summary>
    public static IResult? Local(HttpContext http) =>
        http.GetOpenIddictServerResponse() is { Error: { Length: > 0 } error } response
            ? Results.Json(new Dictionary<string, string?>
            {
                ["error"] = error, ["error_description"] = response.ErrorDescription, ["error_uri"] = response.ErrorUri,
            }, statusCode: StatusCodes.Status400BadRequest)
            : null;

    public static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
