using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.Identity.Infrastructure;
using CoCreation.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Identity.FunctionalTests;

/// <summary>
/// The identity service in-process as in Development, on a real SQLite file, with the demo people and client seeded.
/// People sign in here exactly as the web front end makes them: the authorisation code flow with PKCE, through the
/// sign-in page.
/// </summary>
public sealed class IdentityServiceFactory() : SqliteServiceFactory<Program>("identitydb")
{
    public const string DemoSecret = "a-development-secret-made-for-this-test";
    public const string DemoPassword = "demo people's test password";
    public const string RedirectUri = "https://web.test/signin-callback";
    public const string PostLogoutRedirectUri = "https://web.test/";
    public const string WebClientSecret = "the web front end's test secret";
    public static readonly Guid DemoOrganisation = DevelopmentSeed.DemoOrganisationId;
    public static readonly Guid DemoSchool = DevelopmentSeed.DemoSchoolId;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Identity:Issuer", "http://identity.test/"),
        new("Identity:PublicBaseUrl", "https://cocreation.test"),
        new("Identity:DemoClientSecret", DemoSecret),
        new("Identity:DemoUserPassword", DemoPassword),
        new("Identity:WebClient:RedirectUris:0", RedirectUri),
        new("Identity:WebClient:PostLogoutRedirectUris:0", PostLogoutRedirectUri),
        new("Identity:WebClient:Secret", WebClientSecret),
    ];

    public async Task<T> WithDbAsync<T>(Func<IdentityServiceDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IdentityServiceDbContext>());
    }

    /// <summary>Every event of type <typeparamref name="T"/> this service put in its outbox, oldest first.</summary>
    public Task<List<T>> OutboxEventsAsync<T>() => WithDbAsync(async db =>
    {
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType.StartsWith(typeof(T).FullName + ",")).OrderBy(m => m.Id).ToListAsync();
        return rows.Select(r => JsonSerializer.Deserialize<T>(r.Body, CoCreation.IntegrationEvents.PlatformJson.Options)!).ToList();
    });

    /// <summary>A browser: keeps cookies, does not follow redirects (the tests look at each one).</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client that calls the API with <paramref name="accessToken"/>.</summary>
    public HttpClient ClientWithToken(string accessToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Signs a person in as the web front end does and returns the token response (access and refresh tokens).</summary>
    public Task<JsonElement> SignInAsync(string email, string password = DemoPassword, Guid? organisation = null) =>
        new OAuthBrowser(Browser(), RedirectUri, WebClientSecret).SignInAsync(email, password, organisation);

    public async Task<string> AccessTokenAsync(string email, Guid? organisation = null) =>
        (await SignInAsync(email, organisation: organisation)).GetProperty("access_token").GetString()!;

    /// <summary>The browser's way to an authorisation code (see <see cref="OAuthBrowser"/>).</summary>
    public static Task<string> AuthoriseAsync(HttpClient browser, string email, string password, string verifier, Guid? organisation, string scope) =>
        new OAuthBrowser(browser, RedirectUri, WebClientSecret).AuthoriseAsync(email, password, verifier, organisation, scope);
}
