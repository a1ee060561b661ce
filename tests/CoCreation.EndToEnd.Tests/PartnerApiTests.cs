using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CoCreation.EndToEnd.Tests;

/// <summary>A partner organisation's system, as the API guide tells it: get a token, then call the API with it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PartnerApiTests(PlatformFixture platform)
{
    private static readonly Guid DemoOrganisation = Guid.Parse("de305d54-75b4-431b-adb2-eb6b9e546014");

    private async Task<string> TokenAsync(string scope)
    {
        using var response = await platform.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = PlatformFixture.DemoClientId,
            ["client_secret"] = platform.DemoClientSecret,
            ["scope"] = scope,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token: {(int)response.StatusCode} {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    private static HttpRequestMessage PostIdea(string token, string title)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ideas")
        {
            Content = JsonContent.Create(new
            {
                kind = "offer",
                title,
                summary = "Our sensors measure air quality in classrooms.",
                themes = new[] { "well-being" },
                environments = new[] { "school" },
                language = "en",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    [Fact]
    public async Task A_partner_system_gets_a_token_through_the_gateway_and_creates_an_idea_for_its_organisation()
    {
        var token = await TokenAsync("ideas.read ideas.write");

        using var created = await platform.Gateway.SendAsync(PostIdea(token, "Air quality sensors for classrooms"));

        var idea = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{(int)created.StatusCode} {idea}");
        Assert.Equal(DemoOrganisation, idea.GetProperty("ownerOrganisationId").GetGuid());
        Assert.Equal("client:demo-partner", idea.GetProperty("ownerPersonId").GetString());
    }

    [Fact]
    public async Task A_token_without_the_write_scope_reads_but_cannot_create()
    {
        var token = await TokenAsync("ideas.read");

        using var response = await platform.Gateway.SendAsync(PostIdea(token, "Not allowed " + Guid.NewGuid().ToString("N")[..6]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ideas.write", problem.GetProperty("requiredScope").GetString());
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ideas?limit=1");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await platform.Gateway.SendAsync(read)).StatusCode);
    }

    [Fact]
    public async Task A_tampered_token_is_a_401_problem_and_nothing_is_created()
    {
        var token = await TokenAsync("ideas.write");
        var parts = token.Split('.');
        // Claim another organisation in the payload; the signature no longer matches.
        var payload = JsonSerializer.Deserialize<Dictionary<string, object>>(Convert.FromBase64String(Pad(parts[1].Replace('-', '+').Replace('_', '/'))))!;
        payload["organisation_id"] = Guid.NewGuid().ToString();
        var forged = $"{parts[0]}.{Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.{parts[2]}";
        var title = "Forged " + Guid.NewGuid().ToString("N")[..8];

        using var response = await platform.Gateway.SendAsync(PostIdea(forged, title));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var search = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/v1/ideas?q={title.Split(' ')[1]}");
        Assert.Empty(search.GetProperty("items").EnumerateArray());
    }

    private static string Pad(string base64) => base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
}
