using System.Net;
using System.Net.Http.Json;
using CoCreation.IntegrationEvents;
using static CoCreation.Ideas.FunctionalTests.IdeasTestKit;

namespace CoCreation.Ideas.FunctionalTests;

public sealed class ChallengesAndTaxonomyTests(IdeasServiceFactory factory) : IClassFixture<IdeasServiceFactory>
{
    private HttpClient LibraryUnit => factory.ClientAs("librarian-liisa", Library, roles: "city-unit");

    private HttpClient Moderator => factory.ClientAs("moderator-maija", roles: "moderator");

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki")).DateTime);

    private object Challenge(int opensInDays, int closesInDays) => new
    {
        title = "How could the library reach teenagers?",
        summary = "Ideas for 13-18 year olds at Sello library.",
        description = "We have a **maker space**.",
        themes = new[] { "culture-and-libraries", "youth" },
        environment = "library",
        opensOn = Today.AddDays(opensInDays),
        closesOn = Today.AddDays(closesInDays),
    };

    [Fact]
    public async Task An_open_challenge_takes_answers_and_a_closed_one_refuses_them_naming_the_challenge()
    {
        var challenge = await ReadJsonAsync(await LibraryUnit.PostAsJsonAsync("/api/v1/challenges", Challenge(0, 10)), HttpStatusCode.Created);
        var challengeId = challenge.Id();
        Assert.Equal("open", challenge.Text("status"));
        var published = Assert.Single(await factory.OutboxEventsAsync<ChallengePublished>(challengeId));
        Assert.Equal("library", published.Environment);

        var answer = ValidIdea("Game nights for teens");
        answer["challengeId"] = challengeId;
        var company = factory.ClientAs("sales-bob", Company);
        var idea = await CreateIdeaAsync(company, answer);
        Assert.Equal(challengeId, idea.GetProperty("challengeId").GetGuid());
        var draftAnswer = await CreateIdeaAsync(company, answer, draft: true);

        // The clock only moves forward; the other tests of this class work from whatever today it says.
        factory.Clock.Advance(TimeSpan.FromDays(12));
        var closed = await ReadJsonAsync(await factory.ClientAs(null).GetAsync($"/api/v1/challenges/{challengeId}"), HttpStatusCode.OK);
        Assert.Equal("closed", closed.Text("status"));
        var before = await factory.CountStoredAsync();
        await AssertProblemAsync(await company.PostAsJsonAsync("/api/v1/ideas", answer), HttpStatusCode.Conflict, "challengeId");
        await AssertProblemAsync(await company.PostAsync($"/api/v1/ideas/{draftAnswer.Id()}/publish", null), HttpStatusCode.Conflict, "challengeId");
        Assert.Equal(before.Ideas, (await factory.CountStoredAsync()).Ideas);

        var answers = await ReadJsonAsync(await factory.ClientAs(null).GetAsync($"/api/v1/ideas?challenge={challengeId}"), HttpStatusCode.OK);
        Assert.Equal([idea.Id()], answers.GetProperty("items").EnumerateArray().Select(i => i.Id()));
    }

    [Fact]
    public async Task Its_city_unit_edits_an_unclosed_challenge_at_the_version_it_read_and_closes_it_early()
    {
        using var published = await LibraryUnit.PostAsJsonAsync("/api/v1/challenges", Challenge(0, 10));
        var challengeId = (await ReadJsonAsync(published, HttpStatusCode.Created)).Id();
        var firstETag = published.Headers.ETag!.ToString();
        var changed = new Dictionary<string, object?>
        {
            ["title"] = "How could the library reach teenagers after school?", ["summary"] = "Ideas for 13-18 year olds.", ["description"] = "",
            ["themes"] = new[] { "youth" }, ["environment"] = "library", ["opensOn"] = Today, ["closesOn"] = Today.AddDays(20),
        };

        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/challenges/{challengeId}") { Content = JsonContent.Create(changed) };
        var edited = await ReadJsonAsync(await LibraryUnit.SendAsync(edit.WithIfMatch(firstETag)), HttpStatusCode.OK);
        Assert.Equal(("How could the library reach teenagers after school?", 2), (edited.Text("title"), edited.GetProperty("version").GetInt32()));
        Assert.Equal(Today.AddDays(20), DateOnly.Parse(edited.Text("closesOn"), System.Globalization.CultureInfo.InvariantCulture));

        // A second edit from the first read would overwrite the first one: refused, and nothing changes.
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/challenges/{challengeId}") { Content = JsonContent.Create(Challenge(0, 5)) };
        await AssertProblemAsync(await LibraryUnit.SendAsync(stale.WithIfMatch(firstETag)), HttpStatusCode.PreconditionFailed);
        using var past = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/challenges/{challengeId}") { Content = JsonContent.Create(Challenge(-5, -1)) };
        await AssertProblemAsync(await LibraryUnit.SendAsync(past.WithIfMatch("\"2\"")), HttpStatusCode.BadRequest, "closesOn");
        var schoolUnit = factory.ClientAs("principal-pirjo", School, roles: "city-unit");
        await AssertProblemAsync(await schoolUnit.PostAsync($"/api/v1/challenges/{challengeId}/close", null), HttpStatusCode.Forbidden);
        var unchanged = await ReadJsonAsync(await factory.ClientAs(null).GetAsync($"/api/v1/challenges/{challengeId}"), HttpStatusCode.OK);
        Assert.Equal((2, "open"), (unchanged.GetProperty("version").GetInt32(), unchanged.Text("status")));

        var closed = await ReadJsonAsync(await LibraryUnit.PostAsync($"/api/v1/challenges/{challengeId}/close", null), HttpStatusCode.OK);

        Assert.Equal("closed", closed.Text("status"));
        Assert.Equal(Today.AddDays(-1), DateOnly.Parse(closed.Text("closesOn"), System.Globalization.CultureInfo.InvariantCulture));
        var answer = ValidIdea("Homework club with robots");
        answer["challengeId"] = challengeId;
        await AssertProblemAsync(await factory.ClientAs("sales-bob", Company).PostAsJsonAsync("/api/v1/ideas", answer), HttpStatusCode.Conflict, "challengeId");
        await AssertProblemAsync(await LibraryUnit.PostAsync($"/api/v1/challenges/{challengeId}/close", null), HttpStatusCode.Conflict);
        using var afterClose = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/challenges/{challengeId}") { Content = JsonContent.Create(changed) };
        await AssertProblemAsync(await LibraryUnit.SendAsync(afterClose.WithIfMatch("\"3\"")), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Closing_an_upcoming_challenge_means_it_never_opens()
    {
        var challengeId = (await ReadJsonAsync(await LibraryUnit.PostAsJsonAsync("/api/v1/challenges", Challenge(5, 10)), HttpStatusCode.Created)).Id();

        var closed = await ReadJsonAsync(await LibraryUnit.PostAsync($"/api/v1/challenges/{challengeId}/close", null), HttpStatusCode.OK);

        Assert.Equal("closed", closed.Text("status"));
        Assert.Equal(closed.Text("opensOn"), closed.Text("closesOn"));
        var upcoming = await ReadJsonAsync(await factory.ClientAs(null).GetAsync("/api/v1/challenges?status=upcoming"), HttpStatusCode.OK);
        Assert.DoesNotContain(challengeId, upcoming.GetProperty("items").EnumerateArray().Select(c => c.Id()));
    }

    [Fact]
    public async Task Only_city_units_publish_challenges_and_bad_dates_are_refused_naming_the_field()
    {
        await AssertProblemAsync(await factory.ClientAs("sales-bob", Company).PostAsJsonAsync("/api/v1/challenges", Challenge(0, 10)), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await LibraryUnit.PostAsJsonAsync("/api/v1/challenges", Challenge(10, 5)), HttpStatusCode.BadRequest, "closesOn");
        await AssertProblemAsync(await LibraryUnit.PostAsJsonAsync("/api/v1/challenges", new { title = "No dates", summary = "s", themes = new[] { "youth" }, environment = "library" }),
            HttpStatusCode.BadRequest, "opensOn");
        var unknownEnvironment = new { title = "t", summary = "s", themes = new[] { "youth" }, environment = "castle", opensOn = Today, closesOn = Today };
        await AssertProblemAsync(await LibraryUnit.PostAsJsonAsync("/api/v1/challenges", unknownEnvironment), HttpStatusCode.BadRequest, "environment");
    }

    [Fact]
    public async Task Challenges_list_by_status_closing_soonest_first()
    {
        var later = (await ReadJsonAsync(await LibraryUnit.PostAsJsonAsync("/api/v1/challenges", Challenge(0, 30)), HttpStatusCode.Created)).Id();
        var sooner = (await ReadJsonAsync(await LibraryUnit.PostAsJsonAsync("/api/v1/challenges", Challenge(0, 3)), HttpStatusCode.Created)).Id();
        var upcoming = (await ReadJsonAsync(await LibraryUnit.PostAsJsonAsync("/api/v1/challenges", Challenge(5, 40)), HttpStatusCode.Created)).Id();

        var open = (await ReadJsonAsync(await factory.ClientAs(null).GetAsync("/api/v1/challenges?status=open"), HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(c => c.Id()).ToList();
        Assert.True(open.IndexOf(sooner) < open.IndexOf(later));
        Assert.DoesNotContain(upcoming, open);
        var upcomingList = (await ReadJsonAsync(await factory.ClientAs(null).GetAsync("/api/v1/challenges?status=upcoming"), HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(c => c.Id());
        Assert.Contains(upcoming, upcomingList);
        await AssertProblemAsync(await factory.ClientAs(null).GetAsync("/api/v1/challenges?status=someday"), HttpStatusCode.BadRequest, "status");
    }

    [Fact]
    public async Task The_taxonomy_is_seeded_in_three_languages_and_moderators_add_and_retire_terms()
    {
        var taxonomy = await ReadJsonAsync(await factory.ClientAs(null).GetAsync("/api/v1/taxonomy"), HttpStatusCode.OK);
        Assert.Equal(8, taxonomy.GetProperty("themes").GetArrayLength());
        Assert.Equal(["school", "day-care-centre", "library", "museum", "youth-centre", "other"],
            taxonomy.GetProperty("environments").EnumerateArray().Select(e => e.Text("code")));
        var museums = taxonomy.GetProperty("themes").EnumerateArray().Single(t => t.Text("code") == "museums");
        Assert.Equal("Museot", museums.GetProperty("names").Text("fi"));

        var term = new { nameFi = "Kaupunkiviljely", nameSv = "Stadsodling", nameEn = "Urban gardening" };
        await AssertProblemAsync(await factory.ClientAs("resident-rita").PutAsJsonAsync("/api/v1/taxonomy/theme/urban-gardening", term), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await Moderator.PutAsJsonAsync("/api/v1/taxonomy/theme/Urban Gardening!", term), HttpStatusCode.BadRequest, "code");
        await AssertProblemAsync(await Moderator.PutAsJsonAsync("/api/v1/taxonomy/planet/urban-gardening", term), HttpStatusCode.BadRequest, "facet");
        await ReadJsonAsync(await Moderator.PutAsJsonAsync("/api/v1/taxonomy/theme/urban-gardening", term), HttpStatusCode.OK);

        var idea = ValidIdea("Gardens on school roofs");
        idea["themes"] = new[] { "urban-gardening" };
        var owner = factory.ClientAs("teacher-anna", School);
        await CreateIdeaAsync(owner, idea);

        await ReadJsonAsync(await Moderator.PutAsJsonAsync("/api/v1/taxonomy/theme/urban-gardening", new { term.nameFi, term.nameSv, term.nameEn, retired = true }), HttpStatusCode.OK);
        await AssertProblemAsync(await owner.PostAsJsonAsync("/api/v1/ideas", idea), HttpStatusCode.BadRequest, "themes");
        var withRetired = await ReadJsonAsync(await factory.ClientAs(null).GetAsync("/api/v1/taxonomy?includeRetired=true"), HttpStatusCode.OK);
        Assert.Contains(withRetired.GetProperty("themes").EnumerateArray(), t => t.Text("code") == "urban-gardening" && t.GetProperty("retired").GetBoolean());
    }

    [Fact]
    public async Task The_themes_resource_lists_the_current_themes_in_order_and_leaves_retired_ones_out()
    {
        var term = new { nameFi = "Saaristo", nameSv = "Skärgård", nameEn = "Archipelago" };
        await ReadJsonAsync(await Moderator.PutAsJsonAsync("/api/v1/taxonomy/theme/archipelago", term), HttpStatusCode.OK);
        var themes = await ReadJsonAsync(await factory.ClientAs(null).GetAsync("/api/v1/themes"), HttpStatusCode.OK);
        var taxonomy = await ReadJsonAsync(await factory.ClientAs(null).GetAsync("/api/v1/taxonomy"), HttpStatusCode.OK);
        Assert.Equal(taxonomy.GetProperty("themes").EnumerateArray().Select(t => t.Text("code")), themes.EnumerateArray().Select(t => t.Text("code")));
        Assert.Contains(themes.EnumerateArray(), t => t.Text("code") == "archipelago" && t.GetProperty("names").Text("sv") == "Skärgård");

        await ReadJsonAsync(await Moderator.PutAsJsonAsync("/api/v1/taxonomy/theme/archipelago", new { term.nameFi, term.nameSv, term.nameEn, retired = true }), HttpStatusCode.OK);
        var after = await ReadJsonAsync(await factory.ClientAs(null).GetAsync("/api/v1/themes"), HttpStatusCode.OK);
        Assert.DoesNotContain(after.EnumerateArray(), t => t.Text("code") == "archipelago");
    }
}
