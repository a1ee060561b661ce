using System.Net;
using System.Net.Http.Json;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>
/// The identity service's demo company and school, with public profiles in partner matching so that matching has
/// something to rank. Their admins would write these on the organisation pages of the next release; until then a
/// test arranges them through the API, once per platform.
/// </summary>
public static class DemoOrganisations
{
    public static readonly Guid Company = Guid.Parse("de305d54-75b4-431b-adb2-eb6b9e546014");
    public static readonly Guid School = Guid.Parse("5c3d2b1a-0f9e-4d8c-b7a6-958473625140");
    public const string CompanyName = "Demo partner company";
    public const string SchoolName = "Demo school";

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static PlatformFixture? _arrangedFor;

    public static async Task EnsureProfilesAsync(PlatformFixture platform)
    {
        await Once.WaitAsync();
        try
        {
            if (ReferenceEquals(_arrangedFor, platform))
            {
                return;
            }
            await CreateAsync(platform, Company, new
            {
                type = "company", name = CompanyName, description = "We design learning games with teachers and pupils.",
                competences = new[] { "game design", "language learning" }, offers = new[] { "learning games" },
                themes = new[] { "learning-and-teaching" }, languages = new[] { "fi", "sv", "en" }, region = "Espoo",
                contactChannel = "hello@company.example",
            });
            await CreateAsync(platform, School, new
            {
                type = "city-unit", name = SchoolName, description = "A primary school that tries out new ways of learning.",
                themes = new[] { "learning-and-teaching" }, languages = new[] { "fi", "sv" }, region = "Espoo", contactChannel = "school@city.example",
            });
            _arrangedFor = platform;
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task CreateAsync(PlatformFixture platform, Guid organisation, object profile)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organisations") { Content = JsonContent.Create(profile) }
            .AsPerson("demo-arrangement", organisation);
        using var response = await platform.Gateway.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        // Already there from an earlier test of this platform is as good as created.
        Assert.True(response.StatusCode is HttpStatusCode.Created || body.Contains("already has a profile", StringComparison.Ordinal),
            $"profile of {organisation}: {(int)response.StatusCode} {body}");
    }
}
