using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static CoCreation.Ideas.FunctionalTests.IdeasTestKit;

namespace CoCreation.Ideas.FunctionalTests;

public sealed class SearchTests(IdeasServiceFactory factory) : IClassFixture<IdeasServiceFactory>
{
    /// <summary>Each test's ideas belong to an organisation of its own, so tests sharing the database do not see each other's.</summary>
    private readonly Guid _organisation = Guid.NewGuid();

    private HttpClient Owner => factory.ClientAs("owner", _organisation);

    private async Task<List<JsonElement>> SearchAsync(string query, HttpClient? client = null)
    {
        using var response = await (client ?? factory.ClientAs(null)).GetAsync($"/api/v1/ideas?organisation={_organisation}&{query}");
        var page = await ReadJsonAsync(response, HttpStatusCode.OK);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static Dictionary<string, object?> Idea(string title, Action<Dictionary<string, object?>>? change = null)
    {
        var idea = ValidIdea(title);
        change?.Invoke(idea);
        return idea;
    }

    [Fact]
    public async Task Full_text_finds_words_in_title_summary_description_and_competences_by_prefix_and_without_diacritics()
    {
        await CreateIdeaAsync(Owner, Idea("Museokierros viittomakielellä", i => i["language"] = "fi"));
        await CreateIdeaAsync(Owner, Idea("Robots in the library", i => i["description"] = "Children build **robots** from recycled parts."));
        await CreateIdeaAsync(Owner, Idea("Quiet reading corner", i => i["soughtCompetences"] = new[] { "interior architecture" }));

        Assert.Equal(["Museokierros viittomakielellä"], (await SearchAsync("q=museo")).Select(i => i.Text("title")));
        Assert.Equal(["Museokierros viittomakielellä"], (await SearchAsync("q=viittomakielella")).Select(i => i.Text("title")));
        Assert.Equal(["Robots in the library"], (await SearchAsync("q=recycled")).Select(i => i.Text("title")));
        Assert.Equal(["Quiet reading corner"], (await SearchAsync("q=architecture")).Select(i => i.Text("title")));
        Assert.Equal(["Robots in the library"], (await SearchAsync("q=robots+library")).Select(i => i.Text("title")));
        Assert.Empty(await SearchAsync("q=robots+museo"));
        // FTS5 syntax in the search box is only text, never an error.
        Assert.Empty(await SearchAsync("q=%22NEAR(%20OR%20*"));
    }

    [Fact]
    public async Task Filters_combine_across_fields_and_any_of_within_a_repeated_one()
    {
        await CreateIdeaAsync(Owner, Idea("A need at school"));
        await CreateIdeaAsync(Owner, Idea("An offer for museums", i =>
        {
            i["kind"] = "offer";
            i["themes"] = new[] { "museums" };
            i["environments"] = new[] { "museum" };
            i["ageGroups"] = new[] { "seniors" };
            i["language"] = "sv";
        }));
        await CreateIdeaAsync(Owner, Idea("An offer for youth", i =>
        {
            i["kind"] = "offer";
            i["themes"] = new[] { "youth", "well-being" };
            i["environments"] = new[] { "youth-centre" };
        }));

        Assert.Equal(["An offer for youth", "An offer for museums"], (await SearchAsync("kind=offer")).Select(i => i.Text("title")));
        Assert.Equal(["An offer for museums"], (await SearchAsync("theme=museums")).Select(i => i.Text("title")));
        Assert.Equal(["An offer for youth", "An offer for museums"], (await SearchAsync("theme=museums&theme=well-being")).Select(i => i.Text("title")));
        Assert.Equal(["An offer for museums"], (await SearchAsync("kind=offer&environment=museum&ageGroup=seniors&language=sv")).Select(i => i.Text("title")));
        Assert.Empty(await SearchAsync("kind=need&theme=museums"));
    }

    [Fact]
    public async Task Cursor_pages_walk_every_idea_once_in_each_order()
    {
        var titles = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            titles.Add((await CreateIdeaAsync(Owner, Idea($"Paged idea {i}"))).Text("title"));
        }
        // Two supports for idea 1, one for idea 3: the most-supported order puts them first.
        var ideas = await SearchAsync("sort=oldest");
        await factory.ClientAs("fan-1").PutAsync($"/api/v1/ideas/{ideas[1].Id()}/support", null);
        await factory.ClientAs("fan-2").PutAsync($"/api/v1/ideas/{ideas[1].Id()}/support", null);
        await factory.ClientAs("fan-1").PutAsync($"/api/v1/ideas/{ideas[3].Id()}/support", null);

        Assert.Equal(titles, await WalkAsync("oldest"));
        Assert.Equal(Enumerable.Reverse(titles), await WalkAsync("newest"));
        Assert.Equal(["Paged idea 1", "Paged idea 3", "Paged idea 4", "Paged idea 2", "Paged idea 0"], await WalkAsync("most-supported"));
        Assert.Equal(5, (await WalkAsync("recently-updated")).Distinct().Count());
    }

    private async Task<List<string>> WalkAsync(string sort)
    {
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/v1/ideas?organisation={_organisation}&sort={sort}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await ReadJsonAsync(await factory.ClientAs(null).GetAsync(url), HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.Text("title")));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);
        Assert.Equal(3, pages);
        return seen;
    }

    [Fact]
    public async Task Drafts_are_listed_only_for_their_own_organisation_and_never_by_default()
    {
        await CreateIdeaAsync(Owner, Idea("A private draft"), draft: true);

        Assert.Empty(await SearchAsync(""));
        Assert.Empty(await SearchAsync("status=draft"));
        Assert.Empty(await SearchAsync("status=draft", factory.ClientAs("someone-else", Company)));
        Assert.Equal(["A private draft"], (await SearchAsync("status=draft", Owner)).Select(i => i.Text("title")));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("sort=random", "sort")]
    [InlineData("kind=wish", "kind")]
    [InlineData("theme=astrology", "theme")]
    [InlineData("environment=moon", "environment")]
    [InlineData("status=lost", "status")]
    [InlineData("status=archived", "status")]
    [InlineData("language=de", "language")]
    [InlineData("challenge=not-a-guid", "challenge")]
    public async Task A_bad_query_parameter_is_a_400_problem_naming_it(string query, string field)
    {
        using var response = await factory.ClientAs(null).GetAsync($"/api/v1/ideas?{query}");
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_cursor_from_another_order_is_refused()
    {
        for (var i = 0; i < 3; i++)
        {
            await CreateIdeaAsync(Owner, Idea($"Order {i}"));
        }
        var page = await ReadJsonAsync(await factory.ClientAs(null).GetAsync($"/api/v1/ideas?organisation={_organisation}&limit=1"), HttpStatusCode.OK);
        var cursor = page.GetProperty("nextCursor").GetString();

        using var response = await factory.ClientAs(null).GetAsync($"/api/v1/ideas?organisation={_organisation}&sort=oldest&cursor={cursor}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "cursor");
    }

    [Fact]
    public async Task The_search_follows_an_edit_of_the_title()
    {
        var idea = await CreateIdeaAsync(Owner, Idea("Original wording"));
        var changed = Idea("Renamed entirely");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/ideas/{idea.Id()}") { Content = JsonContent.Create(changed) };
        put.WithIfMatch("\"2\"");
        await ReadJsonAsync(await Owner.SendAsync(put), HttpStatusCode.OK);

        Assert.Empty(await SearchAsync("q=original"));
        Assert.Single(await SearchAsync("q=renamed"));
    }
}
