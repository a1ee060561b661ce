using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CoCreation.Web.SignIn;

/// <summary>
/// Sign-in for people (backend for frontend): OpenID Connect's authorisation code flow with PKCE against the identity
/// service, reached at the platform's public address, as the confidential client <c>cocreation-web</c>. The browser
/// holds only a session cookie; the tokens stay on this server (<see cref="ServerSideTicketStore"/>) and are
/// refreshed here before they expire (<see cref="TokenRefresh"/>).
/// </summary>
public static class WebSignIn
{
    public const string ClientId = "cocreation-web";

    /// <summary>The authorisation request parameter the identity service reads to pick the organisation acted for.</summary>
    public const string OrganisationParameter = "organisation_id";

    /// <summary>Claims as the identity service names them.</summary>
    public const string NameClaim = "name";
    public const string RoleClaim = "role";
    public const string OrganisationClaim = "organisation_id";
    public const string OrganisationRoleClaim = "organisation_role";
    public const string LocaleClaim = "locale";

    private static readonly string[] IdentityScopes = ["openid", "profile", "email", "roles", "offline_access"];

    // Every scope of the API: a person's token may do what the person may (their roles and memberships decide).
    private static readonly IReadOnlyList<string> ApiScopes = CoCreation.Web.Api.OrganisationAccess.Scopes;

    public static IHostApplicationBuilder AddWebSignIn(this IHostApplicationBuilder builder)
    {
        var settings = WebSettings.Read(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSingleton<ServerSideTicketStore>();
        builder.Services.AddSingleton<TokenRefresh>();
        builder.Services.AddHttpClient(TokenRefresh.HttpClientName);
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "cocreation.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.AccessDeniedPath = "/forbidden";
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = settings.PublicBaseUrl + "/";
                oidc.RequireHttpsMetadata = settings.PublicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                oidc.ClientId = ClientId;
                oidc.ClientSecret = settings.ClientSecret;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back in the query: form_post needs a script to post itself, and the pages work without one.
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.UsePkce = true;
                oidc.SaveTokens = true; // into the server-side ticket, never into the browser
                oidc.CallbackPath = "/signin-callback";
                oidc.SignedOutCallbackPath = "/signout-callback";
                oidc.SignedOutRedirectUri = "/";
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.MapInboundClaims = false;
                // An ID token signed with a key not seen yet (the identity service's keys changed) makes us fetch
                // the keys again at most every 30 s, not the default 5 min during which nobody could sign in.
                oidc.RefreshInterval = TimeSpan.FromSeconds(30);
                oidc.TokenValidationParameters.NameClaimType = NameClaim;
                oidc.TokenValidationParameters.RoleClaimType = RoleClaim;
                oidc.Scope.Clear();
                foreach (var scope in IdentityScopes.Concat(ApiScopes))
                {
                    oidc.Scope.Add(scope);
                }
                oidc.Events.OnRedirectToIdentityProvider = context =>
                {
                    if (context.Properties.Items.TryGetValue(OrganisationParameter, out var organisation) && organisation is { Length: > 0 })
                    {
                        context.ProtocolMessage.SetParameter(OrganisationParameter, organisation);
                    }
                    // The sign-in page speaks the language the person chose here.
                    context.ProtocolMessage.UiLocales = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
                    return Task.CompletedTask;
                };
                oidc.Events.OnTokenValidated = context =>
                {
                    // The language kept on the account follows the person to a browser that has no choice of its own
                    // yet; a language chosen on this browser stays (the profile page sets both at once).
                    if (context.Principal?.FindFirst(LocaleClaim)?.Value is { } language
                        && !context.Request.Cookies.ContainsKey(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName))
                    {
                        Localization.WebLocalization.RememberLanguage(context.Response, language);
                    }
                    return Task.CompletedTask;
                };
                oidc.Events.OnRemoteFailure = context =>
                {
                    // A refused or abandoned sign-in is a page in the person's language, not an exception.
                    context.Response.Redirect("/signin-failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<ServerSideTicketStore, TokenRefresh>((cookie, store, refresh) =>
            {
                cookie.SessionStore = store;
                cookie.Events.OnValidatePrincipal = refresh.ValidateAsync;
            });
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, KeepFormOnChallenge>();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>Sign in, sign out (which ends the identity session too), and acting for another organisation.</summary>
    public static IEndpointRouteBuilder MapWebSignIn(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/signin", (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]));
        // A POST with the anti-forgery token: a link or an image elsewhere must not sign anyone out.
        routes.MapPost("/signout", async (HttpContext http, IAntiforgery antiforgery) =>
            // The middleware's verdict is only recorded, and a minimal endpoint that binds no form never reads it: a
            // POST without the form's token would sign a person out from another site's page.
            (http.Features.Get<IAntiforgeryValidationFeature>()?.IsValid ?? await antiforgery.IsRequestValidAsync(http))
                ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                    [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme])
                // With a body of its own: an empty 400 would be re-executed as a POST of the error page.
                : Results.Text("The sign-out form was not this site's. Sign out with the button on any page.", statusCode: StatusCodes.Status400BadRequest))
            .RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        routes.MapPost("/switch-organisation", ([Microsoft.AspNetCore.Mvc.FromForm] Guid organisation, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
            ActFor(organisation, returnUrl)).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        // After creating an organisation the account page comes here: signing in again for another of one's own
        // organisations changes no data, and the identity service refuses an organisation the person is not in.
        routes.MapGet("/switch-organisation", (Guid organisation, string? returnUrl) => ActFor(organisation, returnUrl)).RequireAuthorization();
        return routes;
    }

    private static IResult ActFor(Guid organisation, string? returnUrl)
    {
        var properties = new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) };
        properties.Items[OrganisationParameter] = organisation.ToString();
        return Results.Challenge(properties, [OpenIdConnectDefaults.AuthenticationScheme]);
    }

    /// <summary>Only back into this site (see <see cref="LocalUrls"/>).</summary>
    public static string LocalOrHome(string? url) => LocalUrls.LocalOrHome(url);

    public static Guid? ActingOrganisation(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(OrganisationClaim)?.Value, out var id) ? id : null;

    public static bool IsOrganisationAdmin(this ClaimsPrincipal user) => user.FindFirst(OrganisationRoleClaim)?.Value == "admin";

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole("administrator");

    /// <summary>Moderators, and administrators, who may moderate too (as the API decides it).</summary>
    public static bool IsModerator(this ClaimsPrincipal user) => user.IsInRole("moderator") || user.IsAdministrator();
}
