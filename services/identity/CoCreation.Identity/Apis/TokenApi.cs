using CoCreation.ApiConventions;
using System.Security.Claims;
using CoCreation.Identity.Infrastructure;
using CoCreation.Identity.Model;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CoCreation.Identity.Apis;

/// <summary>
/// <c>POST /connect/token</c>. OpenIddict has already checked the client's id and secret and the grant; this decides
/// what the token says: who (the client), for which organisation, with which of the client's scopes.
/// </summary>
public static class TokenApi
{
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/connect/token", IssueToken).ExcludeFromDescription();
        return routes;
    }

    public static async Task<IResult> IssueToken(HttpContext http, IdentityServiceDbContext db, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing; is the token endpoint passthrough enabled?");
        if (!request.IsClientCredentialsGrantType())
        {
            return Refuse(Errors.UnsupportedGrantType, "Only the client_credentials grant is available at this endpoint.");
        }
        var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == request.ClientId, cancellationToken);
        if (client is null || client.RevokedAt is not null)
        {
            return Refuse(Errors.InvalidClient, "This client is unknown or has been revoked.");
        }
        var requested = request.GetScopes();
        var unknown = requested.Where(s => !client.Scopes.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            return Refuse(Errors.InvalidScope, $"This client may not ask for: {string.Join(", ", unknown)}.");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, $"client:{client.ClientId}");
        identity.SetClaim(Claims.Name, client.Name);
        identity.SetClaim(ApiScopes.OrganisationClaim, client.OrganisationId.ToString());
        // No scope asked for means every scope the client was given.
        identity.SetScopes(requested.IsEmpty ? client.Scopes : requested);
        identity.SetAudiences(ApiScopes.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>An OAuth2 error response (RFC 6749 section 5.2), written by OpenIddict.</summary>
    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
