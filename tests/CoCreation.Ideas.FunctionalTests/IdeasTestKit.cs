using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CoCreation.Ideas.FunctionalTests;

/// <summary>The actors, payloads and assertions the ideas tests share.</summary>
public static class IdeasTestKit
{
    public static readonly Guid School = Guid.Parse("5c0a7e10-0000-4000-8000-000000000001");
    public static readonly Guid Company = Guid.Parse("c0a7e10c-0000-4000-8000-000000000002");
    public static readonly Guid Library = Guid.Parse("11b7a7e1-0000-4000-8000-000000000003");

    public static Dictionary<string, object?> ValidIdea(string? title = null) => new()
    {
        ["kind"] = "need",
        ["title"] = title ?? "Playful Swedish vocabulary",
        ["summary"] = "Pupils in grades 3-4 need a playful way to practise Swedish words.",
        ["description"] = "We meet **twice** a week. See [our school](https://example.org/school).",
        ["themes"] = new[] { "learning-and-teaching" },
        ["environments"] = new[] { "school" },
        ["ageGroups"] = new[] { "primary-school" },
        ["soughtCompetences"] = new[] { "game design" },
        ["language"] = "en",
    };

    public static async Task<JsonElement> CreateIdeaAsync(HttpClient client, Dictionary<string, object?>? idea = null, bool draft = false)
    {
        using var response = await client.PostAsJsonAsync(draft ? "/api/v1/ideas?draft=true" : "/api/v1/ideas", idea ?? ValidIdea());
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating the idea: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Guid Id(this JsonElement json) => json.GetProperty("id").GetGuid();

    public static string Text(this JsonElement json, string property) => json.GetProperty(property).GetString()!;

    public static HttpRequestMessage WithIfMatch(this HttpRequestMessage request, string? etag)
    {
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }
        return request;
    }
}
