using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.Testing;

namespace CoCreation.EndToEnd.Tests;

/// <summary>
/// A new partner organisation, step by step as docs/api-guide.md tells it, everything through the gateway: register,
/// confirm the address from the mail (the Development run logs it), sign in, register the organisation, create an API
/// client, get a token with it, and create an idea.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class NewPartnerJourneyTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_new_partner_goes_from_registration_to_an_idea_created_by_its_own_system()
    {
        var email = $"developer-{Guid.NewGuid():N}@partner.example";
        const string password = "a long and unguessable passphrase";

        // 1. Register.
        using (var registered = await platform.Gateway.PostAsJsonAsync("/api/v1/accounts", new { email, password, displayName = "Dana Developer" }))
        {
            Assert.True(registered.StatusCode == HttpStatusCode.Created, $"register: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync()}");
        }

        // 2. Confirm the address with the link from the mail, which the notifications service logs in Development.
        var link = await platform.WaitForMailedLinkAsync(email);
        Assert.StartsWith(platform.GatewayUrl.ToString().TrimEnd('/') + "/account/confirm-email", link, StringComparison.Ordinal);
        using (var confirmed = await platform.Gateway.GetAsync(new Uri(link).PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        // 3. Sign in, and register the organisation.
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var browserClient = new HttpClient(handler) { BaseAddress = platform.GatewayUrl };
        var browser = new OAuthBrowser(browserClient, platform.GatewayUrl + "signin-callback", platform.WebClientSecret);
        var personToken = (await browser.SignInAsync(email, password)).GetProperty("access_token").GetString()!;
        using var organisationResponse = await Send(HttpMethod.Post, "/api/v1/me/organisations", personToken, new { name = "Dana's Data Oy" });
        Assert.Equal(HttpStatusCode.Created, organisationResponse.StatusCode);
        var organisationId = (await organisationResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // 4. Act for the organisation (the browser is still signed in: no password asked) and create an API client.
        var adminToken = (await browser.SignInAsync(email, password, organisationId)).GetProperty("access_token").GetString()!;
        using var clientResponse = await Send(HttpMethod.Post, $"/api/v1/organisations/{organisationId}/clients", adminToken,
            new { name = "Dana's integration", scopes = new[] { "ideas.read", "ideas.write" } });
        var client = await clientResponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(clientResponse.StatusCode == HttpStatusCode.Created, $"client: {(int)clientResponse.StatusCode} {client}");

        // 5. The system gets a token with the client's id and secret, and creates an idea for the organisation.
        using var tokenResponse = await platform.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.GetProperty("clientId").GetString()!,
            ["client_secret"] = client.GetProperty("clientSecret").GetString()!,
            ["scope"] = "ideas.write",
        }));
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var systemToken = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        using var ideaResponse = await Send(HttpMethod.Post, "/api/v1/ideas", systemToken, new
        {
            kind = "offer", title = "Open data dashboards for schools", summary = "We turn the city's open data into dashboards pupils can read.",
            themes = new[] { "learning-and-teaching" }, environments = new[] { "school" }, language = "en",
        });
        var idea = await ideaResponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(ideaResponse.StatusCode == HttpStatusCode.Created, $"idea: {(int)ideaResponse.StatusCode} {idea}");
        Assert.Equal(organisationId, idea.GetProperty("ownerOrganisationId").GetGuid());
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return platform.Gateway.SendAsync(request);
    }
}
