using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
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
public sealed partial class IdentityServiceFactory() : SqliteServiceFactory<Program>("identitydb")
{
    public const string DemoSecret = "a-development-secret-made-for-this-test";
    public const string DemoPassword = "demo people's test password";
    public const string RedirectUri = "https://web.test/signin-callback";
    public static readonly Guid DemoOrganisation = DevelopmentSeed.DemoOrganisationId;
    public static readonly Guid DemoSchool = DevelopmentSeed.DemoSchoolId;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Identity:Issuer", "http://identity.test/"),
        new("Identity:PublicBaseUrl", "https://cocreation.test"),
        new("Identity:DemoClientSecret", DemoSecret),
        new("Identity:DemoUserPassword", DemoPassword),
        new("Identity:WebClient:RedirectUris:0", RedirectUri),
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
        return rows.Select(r => JsonSerializer.Deserialize<T>(r.Body, JsonSerializerOptions.Web)!).ToList();
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
    public async Task<JsonElement> SignInAsync(string email, string password = DemoPassword, Guid? organisation = null, string scope = "openid profile roles offline_access ideas.read ideas.write")
    {
        var browser = Browser();
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var code = await AuthoriseAsync(browser, email, password, verifier, organisation, scope);
        using var response = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = WebClientRegistration.ClientId, ["code"] = code,
            ["redirect_uri"] = RedirectUri, ["code_verifier"] = verifier,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token endpoint: {(int)response.StatusCode} {body}");
        return body;
    }

    public async Task<string> AccessTokenAsync(string email, Guid? organisation = null) =>
        (await SignInAsync(email, organisation: organisation)).GetProperty("access_token").GetString()!;

    /// <summary>The browser's way to an authorisation code: authorise, sign in on the page, come back, get redirected with the code.</summary>
    public static async Task<string> AuthoriseAsync(HttpClient browser, string email, string password, string verifier, Guid? organisation, string scope)
    {
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var authorize = $"/connect/authorize?client_id={WebClientRegistration.ClientId}&response_type=code&redirect_uri={Uri.EscapeDataString(RedirectUri)}" +
            $"&scope={Uri.EscapeDataString(scope)}&code_challenge={challenge}&code_challenge_method=S256&state=xyz" +
            (organisation is null ? "" : $"&organisation_id={organisation}");

        using var first = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var loginPage = first.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/login", loginPage, StringComparison.Ordinal);

        var form = await browser.GetStringAsync(loginPage);
        using var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form), ["email"] = email, ["password"] = password,
            ["returnUrl"] = Uri.UnescapeDataString(loginPage.Split("ReturnUrl=")[1]),
        }));
        Assert.True(login.StatusCode == HttpStatusCode.Redirect, $"sign-in failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");

        using var back = await browser.GetAsync(login.Headers.Location);
        Assert.True(back.StatusCode == HttpStatusCode.Redirect, $"authorise: {(int)back.StatusCode} {await back.Content.ReadAsStringAsync()}");
        var callback = back.Headers.Location!;
        Assert.StartsWith(RedirectUri, callback.ToString(), StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(callback.Query);
        Assert.Equal("xyz", query["state"]);
        return query["code"] ?? throw new InvalidOperationException($"No code in {callback}");
    }

    public static string AntiforgeryToken(string html) => AntiforgeryField().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("The page has no anti-forgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
