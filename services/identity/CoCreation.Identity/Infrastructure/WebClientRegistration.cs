using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CoCreation.Identity.Infrastructure;

/// <summary>
/// The web front end's OAuth2 client: confidential (the web is a server that keeps its tokens and its secret,
/// <c>Identity:WebClient:Secret</c>), authorisation code with PKCE and refresh tokens, redirect URIs from
/// <c>Identity:WebClient:RedirectUris</c>. Brought in line with the configuration at every start, so a changed address
/// or secret needs no manual step.
/// </summary>
public static class WebClientRegistration
{
    public const string ClientId = "cocreation-web";

    public static async Task SynchroniseAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        var redirectUris = configuration.GetSection("Identity:WebClient:RedirectUris").Get<string[]>() ?? [];
        var postLogoutUris = configuration.GetSection("Identity:WebClient:PostLogoutRedirectUris").Get<string[]>() ?? [];
        var secret = configuration["Identity:WebClient:Secret"];
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var existing = await applications.FindByClientIdAsync(ClientId);
        if (redirectUris.Length == 0 || string.IsNullOrWhiteSpace(secret))
        {
            if (existing is not null)
            {
                await applications.DeleteAsync(existing);
            }
            logger.LogInformation("No Identity:WebClient:RedirectUris or Identity:WebClient:Secret: the web front end's sign-in is off");
            return;
        }
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientType = ClientTypes.Confidential,
            ClientSecret = secret, // OpenIddict keeps only its hash
            ConsentType = ConsentTypes.Implicit, // the platform's own front end: no consent screen
            DisplayName = "CoCreation web",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var scopeName in CoCreation.ApiConventions.ApiScopes.All)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scopeName);
        }
        foreach (var uri in redirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }
        foreach (var uri in postLogoutUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }
        if (existing is null)
        {
            await applications.CreateAsync(descriptor);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor);
        }
        logger.LogInformation("Web client {ClientId} signs in with redirect URIs {RedirectUris}", ClientId, string.Join(", ", redirectUris));
    }
}
