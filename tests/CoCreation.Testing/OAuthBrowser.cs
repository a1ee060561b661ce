using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace CoCreation.Testing;

/// <summary>
/// A person signing in to the web front end, step by step as a browser does it: the authorisation code flow with
/// PKCE, through the identity service's sign-in page. <paramref name="browser"/> must keep cookies and must not follow
/// redirects (each one is checked). The web front end is a confidential client: <paramref name="clientSecret"/> is its secret.
/// </summary>
public sealed partial class OAuthBrowser(HttpClient browser, string redirectUri, string clientSecret, string clientId = "cocreation-web")
{
    /// <summary>Signs in and exchanges the code: the token response (access, refresh and ID tokens).</summary>
    public async Task<JsonElement> SignInAsync(string email, string password, Guid? organisation = null,
        string scope = "openid profile roles offline_access ideas.read ideas.write organisations.read organisations.write")
    {
        var verifier = NewVerifier();
        var code = await AuthoriseAsync(email, password, verifier, organisation, scope);
        using var response = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["client_secret"] = clientSecret, ["code"] = code, ["redirect_uri"] = redirectUri, ["code_verifier"] = verifier,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token endpoint: {(int)response.StatusCode} {body}");
        return body;
    }

    public static string NewVerifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Authorise, sign in on the page when asked to (a browser still signed in is not asked), come back, and take the
    /// code from the redirect to the client.
    /// </summary>
    public async Task<string> AuthoriseAsync(string email, string password, string verifier, Guid? organisation, string scope)
    {
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"/connect/authorize?client_id={clientId}&response_type=code&redirect_uri={Uri.EscapeDataString(redirectUri)}" +
            $"&scope={Uri.EscapeDataString(scope)}&code_challenge={challenge}&code_challenge_method=S256&state=xyz" +
            (organisation is null ? "" : $"&organisation_id={organisation}");

        using var first = await browser.GetAsync(authorize);
        Assert.True(first.StatusCode == HttpStatusCode.Redirect, $"authorise: {(int)first.StatusCode} {await first.Content.ReadAsStringAsync()}");
        var next = first.Headers.Location!;
        if (next.OriginalString.StartsWith("/account/login", StringComparison.Ordinal))
        {
            var form = await browser.GetStringAsync(next);
            using var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = AntiforgeryToken(form), ["email"] = email, ["password"] = password,
                ["returnUrl"] = Uri.UnescapeDataString(next.OriginalString.Split("ReturnUrl=")[1]),
            }));
            Assert.True(login.StatusCode == HttpStatusCode.Redirect, $"sign-in failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
            using var back = await browser.GetAsync(login.Headers.Location);
            Assert.True(back.StatusCode == HttpStatusCode.Redirect, $"authorise: {(int)back.StatusCode} {await back.Content.ReadAsStringAsync()}");
            next = back.Headers.Location!;
        }
        Assert.StartsWith(redirectUri, next.ToString(), StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(next.Query);
        Assert.Equal("xyz", query["state"]);
        return query["code"] ?? throw new InvalidOperationException($"No code in {next}");
    }

    /// <summary>The anti-forgery token of the form on <paramref name="html"/>.</summary>
    public static string AntiforgeryToken(string html) => AntiforgeryField().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("The page has no anti-forgery token.");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
