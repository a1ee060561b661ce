using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntegrationEvents;

namespace CoCreation.PartnerMatching.FunctionalTests;

public sealed class MatchingAndInterestTests(PartnerMatchingServiceFactory factory) : IClassFixture<PartnerMatchingServiceFactory>
{
    private readonly Guid _school = Guid.NewGuid();
    private readonly Guid _gameStudio = Guid.NewGuid();
    private readonly Guid _museum = Guid.NewGuid();
    private readonly Guid _bakery = Guid.NewGuid();
    private readonly string _word = "w" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A school with a need, a game studio that fits it, a museum that hosts a museum, a bakery that fits nothing.</summary>
    private async Task<IdeaPublished> ArrangeAsync()
    {
        async Task Profile(Guid id, string type, string name, string[] themes, string[] competences, string[] languages, string region, string? roles = null)
        {
            var body = new { type, name, themes, competences, languages, region, contactChannel = "hello@example.org" };
            await ReadJsonAsync(await factory.ClientAs("admin", id, roles).PostAsJsonAsync("/api/v1/organisations", body), HttpStatusCode.Created);
        }
        await Profile(_school, "educational-institution", "Tapiola school", ["learning-and-teaching"], [], ["fi"], "Espoo");
        await Profile(_gameStudio, "company", "Pelipaja", ["learning-and-teaching", "museums"], ["game design", _word], ["fi", "en"], "Espoo");
        await Profile(_museum, "city-unit", "City museum", ["museums"], ["exhibitions"], ["fi", "sv"], "Espoo", roles: "city-unit");
        await Profile(_bakery, "company", "Bakery", ["well-being"], ["bread"], ["fi"], "Vantaa");
        await ReadJsonAsync(await factory.ClientAs("curator", _museum, "city-unit").PostAsJsonAsync("/api/v1/environments",
            new { kind = "museum", name = "Exhibition hall", area = "Tapiola", capacity = 40 }), HttpStatusCode.Created);

        var idea = new IdeaPublished(Guid.NewGuid(), IdeaKind.Need, "Museum game for pupils", "Summary", ["learning-and-teaching", "museums"],
            ["museum"], ["game design", _word], "fi", "teacher-anna", _school, DateTimeOffset.UtcNow) { Version = 2 };
        await factory.DeliverAsync(idea);
        return idea;
    }

    private async Task<List<JsonElement>> MatchesAsync(Guid ideaId) =>
        [.. (await ReadJsonAsync(await factory.ClientAs(null).GetAsync($"/api/v1/ideas/{ideaId}/matches?limit=100"), HttpStatusCode.OK)).EnumerateArray()];

    [Fact]
    public async Task Matches_are_ranked_with_every_reason_weighted_and_named_and_the_owner_is_never_its_own_match()
    {
        var idea = await ArrangeAsync();

        var matches = await MatchesAsync(idea.IdeaId);

        var ids = matches.Select(m => m.GetProperty("organisationId").GetGuid()).ToList();
        Assert.Equal(_gameStudio, ids[0]);
        Assert.True(ids.IndexOf(_museum) > 0);
        Assert.DoesNotContain(_school, ids);
        Assert.DoesNotContain(_bakery, ids);
        var best = matches[0];
        var components = best.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("factor").GetString()!);
        Assert.Equal(["themes", "competences", "environment", "language", "region", "past-co-creation", "activity"], components.Keys);
        Assert.Equal(["learning-and-teaching", "museums"], components["themes"].GetProperty("matched").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(1.0, components["competences"].GetProperty("value").GetDouble());
        Assert.Equal(["Espoo".ToLowerInvariant()], components["region"].GetProperty("matched").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(components.Values.Sum(c => c.GetProperty("points").GetDouble()), best.GetProperty("score").GetDouble(), 3);
        var museum = matches.Single(m => m.GetProperty("organisationId").GetGuid() == _museum);
        var environment = museum.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("factor").GetString() == "environment");
        Assert.Equal(["museum"], environment.GetProperty("matched").EnumerateArray().Select(m => m.GetString()));

        // The new idea's best partners were suggested in the same transaction that recorded it.
        var suggested = Assert.Single(await factory.OutboxEventsAsync<MatchesSuggested>(idea.IdeaId));
        Assert.Equal(_gameStudio, suggested.Partners[0].OrganisationId);
        Assert.Contains(suggested.Partners[0].Reasons, r => r.StartsWith("competences:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recommended_ideas_for_an_organisation_come_from_the_same_scores()
    {
        var idea = await ArrangeAsync();

        async Task<bool> RecommendedTo(Guid organisation) =>
            (await ReadJsonAsync(await factory.ClientAs(null).GetAsync($"/api/v1/organisations/{organisation}/recommended-ideas?limit=100"), HttpStatusCode.OK))
                .EnumerateArray().Any(r => r.GetProperty("ideaId").GetGuid() == idea.IdeaId);

        // The index takes a new idea in on its next refresh (a fraction of a second here).
        Assert.True(await EventuallyAsync(() => RecommendedTo(_gameStudio), expected: true));
        Assert.False(await RecommendedTo(_school)); // its own idea
    }

    [Fact]
    public async Task Interest_is_consented_by_the_owner_and_an_acceptance_publishes_PartnershipAgreed_once()
    {
        var idea = await ArrangeAsync();
        var studio = factory.ClientAs("producer-pekka", _gameStudio);
        var school = factory.ClientAs("teacher-anna", _school);
        var interestsUrl = $"/api/v1/ideas/{idea.IdeaId}/interests";

        await AssertProblemAsync(await school.PostAsJsonAsync(interestsUrl, new { message = "Our own idea" }), HttpStatusCode.Conflict, "ideaId");
        var interest = await ReadJsonAsync(await studio.PostAsJsonAsync(interestsUrl, new { message = "We would love to build this game." }), HttpStatusCode.Created);
        await AssertProblemAsync(await studio.PostAsJsonAsync(interestsUrl, new { message = "Again" }), HttpStatusCode.Conflict);
        Assert.Single(await factory.OutboxEventsAsync<InterestExpressed>(idea.IdeaId));

        var acceptUrl = $"{interestsUrl}/{interest.GetProperty("id").GetGuid()}/accept";
        await AssertProblemAsync(await studio.PostAsJsonAsync(acceptUrl, new { reply = "I accept myself" }), HttpStatusCode.Forbidden);
        var accepted = await ReadJsonAsync(await school.PostAsJsonAsync(acceptUrl, new { reply = "Welcome aboard!" }), HttpStatusCode.OK);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        await AssertProblemAsync(await school.PostAsJsonAsync(acceptUrl, new { reply = "Twice" }), HttpStatusCode.Conflict);
        await AssertProblemAsync(await school.PostAsJsonAsync($"{interestsUrl}/{interest.GetProperty("id").GetGuid()}/decline", new { reply = "Changed my mind" }), HttpStatusCode.Conflict);

        var agreed = Assert.Single(await factory.OutboxEventsAsync<PartnershipAgreed>(idea.IdeaId));
        Assert.Equal(_school, agreed.OwnerOrganisationId);
        Assert.Equal([_gameStudio], agreed.PartnerOrganisationIds);
        var told = Assert.Single(await factory.OutboxEventsAsync<InterestAccepted>(idea.IdeaId));
        Assert.Equal(("producer-pekka", "Welcome aboard!"), (told.InterestedPersonId, told.Reply));

        var seenByStudio = await ReadJsonAsync(await studio.GetAsync(interestsUrl), HttpStatusCode.OK);
        Assert.Equal("Welcome aboard!", Assert.Single(seenByStudio.EnumerateArray()).GetProperty("reply").GetString());
        var seenByOther = await ReadJsonAsync(await factory.ClientAs("other", _bakery).GetAsync(interestsUrl), HttpStatusCode.OK);
        Assert.Empty(seenByOther.EnumerateArray());
    }

    [Fact]
    public async Task A_withdrawn_idea_takes_no_interest_and_leaves_matching()
    {
        var idea = await ArrangeAsync();
        await factory.DeliverAsync(new IdeaWithdrawn(idea.IdeaId, idea.Title, idea.OwnerPersonId, _school, DateTimeOffset.UtcNow));
        var before = await factory.WithDbAsync(db => Task.FromResult(db.Interests.Count()));

        await AssertProblemAsync(await factory.ClientAs("producer", _gameStudio).PostAsJsonAsync($"/api/v1/ideas/{idea.IdeaId}/interests", new { message = "Still keen" }),
            HttpStatusCode.Conflict, "ideaId");
        Assert.Equal(before, await factory.WithDbAsync(db => Task.FromResult(db.Interests.Count())));
        Assert.Empty(await factory.OutboxEventsAsync<PartnershipAgreed>(idea.IdeaId));

        // The index drops the idea on its next refresh: no organisation is recommended it any more.
        Assert.False(await EventuallyAsync(async () =>
            (await ReadJsonAsync(await factory.ClientAs(null).GetAsync($"/api/v1/organisations/{_gameStudio}/recommended-ideas?limit=100"), HttpStatusCode.OK))
                .EnumerateArray().Any(r => r.GetProperty("ideaId").GetGuid() == idea.IdeaId), expected: false));
    }

    [Fact]
    public async Task An_older_version_of_an_idea_never_overwrites_a_newer_one()
    {
        var idea = await ArrangeAsync();
        IdeaUpdated Update(int version, string title) => new(idea.IdeaId, IdeaKind.Need, IdeaStatus.Published, title, "s", idea.Themes, idea.Environments, [],
            idea.SoughtCompetences, "fi", null, idea.OwnerPersonId, _school, version, DateTimeOffset.UtcNow, ["title"]);

        await factory.DeliverAsync(Update(4, "Newest title"));
        await factory.DeliverAsync(Update(3, "Older title"));

        var title = await factory.WithDbAsync(db => Task.FromResult(db.MatchableIdeas.Single(i => i.IdeaId == idea.IdeaId).Title));
        Assert.Equal("Newest title", title);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    public async Task A_bad_limit_on_matches_is_a_400_problem_naming_it(string query)
    {
        var idea = await ArrangeAsync();
        await AssertProblemAsync(await factory.ClientAs(null).GetAsync($"/api/v1/ideas/{idea.IdeaId}/matches?{query}"), HttpStatusCode.BadRequest, "limit");
    }

    /// <summary>Probes until the answer is <paramref name="expected"/> or ten seconds pass; returns the last answer.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> probe, bool expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        bool answer;
        while ((answer = await probe()) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        return answer;
    }
}
