using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CoCreation.EndToEnd.Tests;

/// <summary>The public face of the API at the gateway: one OpenAPI document for every service, its reference, and open data.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PublicApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task One_OpenAPI_3_1_document_covers_every_service_with_the_OAuth2_scheme()
    {
        var document = await platform.Gateway.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.False(document.TryGetProperty("x-unavailable-services", out var missing), $"left out: {missing}");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/ideas", paths);                                   // ideas
        Assert.Contains("/api/v1/ideas/{id}/matches", paths);                      // partner-matching
        Assert.Contains("/api/v1/notifications", paths);                           // notifications
        Assert.Contains("/api/v1/accounts", paths);                                // identity
        Assert.Contains("/api/v1/organisations/{organisationId}/clients", paths);  // identity
        Assert.Contains("/api/v1/open-data/ideas.{format}", paths);
        // Reading ideas needs no token; creating one does (the services declare a 401 where a caller is required).
        var ideas = document.GetProperty("paths").GetProperty("/api/v1/ideas");
        Assert.Equal(2, ideas.GetProperty("get").GetProperty("security").GetArrayLength());
        Assert.False(ideas.GetProperty("post").TryGetProperty("security", out _));
        var flows = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows");
        Assert.Equal("/connect/token", flows.GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
        Assert.True(flows.GetProperty("clientCredentials").GetProperty("scopes").TryGetProperty("ideas.write", out _));
    }

    [Fact]
    public async Task The_interactive_reference_is_served_with_a_policy_that_lets_it_run()
    {
        using var response = await platform.Gateway.GetAsync("/api-reference");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_data_downloads_anonymously_as_CSV_and_JSON_with_published_content_only_and_no_personal_data()
    {
        var title = "Open data test " + Guid.NewGuid().ToString("N")[..8];
        var draftTitle = "Draft not for open data " + Guid.NewGuid().ToString("N")[..8];
        await CreateIdeaAsync(title, draft: false);
        await CreateIdeaAsync(draftTitle, draft: true);

        var catalogue = await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/v1/open-data");
        Assert.Equal("CC-BY-4.0", catalogue.GetProperty("license").GetString());
        Assert.Equal(["ideas", "challenges", "organisations", "projects", "decisions"], catalogue.GetProperty("datasets").EnumerateArray().Select(d => d.GetProperty("name").GetString()));

        using var csv = await platform.Gateway.GetAsync("/api/v1/open-data/ideas.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", csv.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains("rel=\"license\"", string.Join(",", csv.Headers.GetValues("Link")), StringComparison.Ordinal);
        var text = await csv.Content.ReadAsStringAsync();
        var header = text.Split("\r\n")[0];
        Assert.StartsWith("id,kind,status,title", header, StringComparison.Ordinal);
        Assert.DoesNotContain("person", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.DoesNotContain(draftTitle, text, StringComparison.Ordinal);
        Assert.DoesNotContain("client:demo-partner", text, StringComparison.Ordinal);

        var json = await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/v1/open-data/ideas.json");
        Assert.Equal("CC-BY-4.0", json.GetProperty("license").GetString());
        Assert.Contains(json.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == title);

        using var organisations = await platform.Gateway.GetAsync("/api/v1/open-data/organisations.csv");
        Assert.Equal(HttpStatusCode.OK, organisations.StatusCode);
        using var challenges = await platform.Gateway.GetAsync("/api/v1/open-data/challenges.json");
        Assert.Equal(HttpStatusCode.OK, challenges.StatusCode);
        using var xml = await platform.Gateway.GetAsync("/api/v1/open-data/ideas.xml");
        Assert.Equal(HttpStatusCode.BadRequest, xml.StatusCode);
        Assert.Contains("format", await xml.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_registration_is_a_413_problem_at_the_edge_and_creates_no_account()
    {
        var email = $"huge-{Guid.NewGuid():N}@example.org";
        using var response = await platform.Gateway.PostAsJsonAsync("/api/v1/accounts",
            new { email, password = "a long enough passphrase", displayName = new string('x', 400_000) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var reset = await platform.Gateway.PostAsJsonAsync("/api/v1/accounts", new { email, password = "a long enough passphrase", displayName = "Small" });
        Assert.Equal(HttpStatusCode.Created, reset.StatusCode); // the address was never taken
    }

    private async Task CreateIdeaAsync(string title, bool draft)
    {
        using var tokenResponse = await platform.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = PlatformFixture.DemoClientId, ["client_secret"] = platform.DemoClientSecret,
        }));
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, draft ? "/api/v1/ideas?draft=true" : "/api/v1/ideas")
        {
            Content = JsonContent.Create(new
            {
                kind = "need", title, summary = "A summary, with a comma, and \"quotes\".", themes = new[] { "well-being" }, environments = new[] { "school" }, language = "en",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await platform.Gateway.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
