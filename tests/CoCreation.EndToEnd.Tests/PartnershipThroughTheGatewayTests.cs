using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntegrationEvents;

namespace CoCreation.EndToEnd.Tests;

/// <summary>From an idea to an agreed partnership across three services, the gateway and the real broker.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PartnershipThroughTheGatewayTests(PlatformFixture platform)
{
    private async Task<JsonElement> SendAsync(HttpRequestMessage request, HttpStatusCode expected)
    {
        using var response = await platform.Gateway.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{request.Method} {request.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static HttpRequestMessage Post(string path, object body, string person, Guid organisation) =>
        new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }.AsPerson(person, organisation);

    [Fact]
    public async Task An_accepted_interest_reaches_the_broker_exactly_once_even_when_the_acceptance_is_sent_again_and_the_idea_finds_its_partner()
    {
        await using var observer = await BrokerObserver.StartAsync(platform.BrokerConnectionString, typeof(PartnershipAgreed), typeof(MatchesSuggested));
        var school = Guid.NewGuid();
        var studio = Guid.NewGuid();
        var competence = "escape-room design " + Guid.NewGuid().ToString("N")[..6];
        await SendAsync(Post("/api/v1/organisations", new
        {
            type = "company", name = "Escape studio", competences = new[] { competence }, themes = new[] { "learning-and-teaching" },
            languages = new[] { "en" }, region = "Espoo", contactChannel = "hi@escape.example",
        }, "producer-pekka", studio), HttpStatusCode.Created);

        var idea = GatewayCalls.PostIdea("teacher-" + Guid.NewGuid().ToString("N")[..6], "Escape room about the water cycle");
        idea.Headers.Remove("X-Dev-Organisation-Id");
        idea.Headers.Add("X-Dev-Organisation-Id", school.ToString());
        var body = JsonSerializer.Deserialize<Dictionary<string, object>>(await idea.Content!.ReadAsStringAsync())!;
        body["soughtCompetences"] = new[] { competence };
        idea.Content = JsonContent.Create(body);
        var ideaId = (await SendAsync(idea, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // IdeaPublished crossed the broker; partner-matching suggested the studio as the best partner.
        var suggested = Assert.Single(await observer.WaitForAsync<MatchesSuggested>(m => m.IdeaId == ideaId));
        Assert.Equal(studio, suggested.Partners[0].OrganisationId);
        var matches = await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/ideas/{ideaId}/matches"), HttpStatusCode.OK);
        Assert.Equal(studio, matches[0].GetProperty("organisationId").GetGuid());

        // A city unit's real environment, registered and found through the gateway, offered with the interest... by its own unit only.
        var library = Guid.NewGuid();
        var register = Post("/api/v1/environments", new { kind = "library", name = "Escape room corner", area = "Sello, Espoo", capacity = 12 }, "librarian-liisa", library);
        register.Headers.Add("X-Dev-Roles", "city-unit");
        var environmentId = (await SendAsync(register, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var found = await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/environments?organisation={library}&kind=library"), HttpStatusCode.OK);
        Assert.Equal(environmentId, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        await SendAsync(Post($"/api/v1/ideas/{ideaId}/interests", new { message = "Borrowing their room", environmentId }, "producer-pekka", studio),
            HttpStatusCode.BadRequest);

        var interest = await SendAsync(Post($"/api/v1/ideas/{ideaId}/interests", new { message = "We build escape rooms for schools." }, "producer-pekka", studio),
            HttpStatusCode.Created);
        var accept = $"/api/v1/ideas/{ideaId}/interests/{interest.GetProperty("id").GetGuid()}/accept";
        await SendAsync(Post(accept, new { reply = "Yes please!" }, "teacher-anna", school), HttpStatusCode.OK);
        // The same acceptance again, as a client that did not see the first answer would send it.
        await SendAsync(Post(accept, new { reply = "Yes please!" }, "teacher-anna", school), HttpStatusCode.Conflict);

        var agreed = await observer.WaitForAsync<PartnershipAgreed>(p => p.IdeaId == ideaId);
        Assert.Equal([studio], Assert.Single(agreed).PartnerOrganisationIds);
        // Give a duplicate every chance to show up before counting again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await observer.WaitForAsync<PartnershipAgreed>(p => p.IdeaId == ideaId));

        // The ideas service consumed PartnershipAgreed: the idea found its partner.
        var status = await Eventually.MatchAsync(
            async () => (await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/ideas/{ideaId}"), HttpStatusCode.OK)).GetProperty("status").GetString(),
            s => s == "partner-found", TimeSpan.FromSeconds(60));
        Assert.Equal("partner-found", status);

        // The school starts the project once projects has heard of the partnership; the idea becomes a project.
        var projectId = await Eventually.MatchAsync(async () =>
        {
            using var started = await platform.Gateway.SendAsync(Post("/api/v1/projects", new { ideaId, title = "Water cycle escape room" }, "teacher-anna", school));
            return started.StatusCode == HttpStatusCode.Created ? (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid() : Guid.Empty;
        }, id => id != Guid.Empty, TimeSpan.FromSeconds(60));
        Assert.NotEqual(Guid.Empty, projectId);
        await ProjectLifecycleCalls.AwaitPartnerAsync(platform.Gateway, projectId, studio);
        var converted = await Eventually.MatchAsync(
            async () => (await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/ideas/{ideaId}"), HttpStatusCode.OK)).GetProperty("status").GetString(),
            s => s == "converted-to-project", TimeSpan.FromSeconds(60));
        Assert.Equal("converted-to-project", converted);

        // Along the roadmap: the library's real environment hosts the pilot, so the library accepts the agreement too.
        var host = await ProjectLifecycleCalls.HostAsync(platform.Gateway, projectId, new Party("teacher-anna", school),
            new Party("librarian-liisa", library, "city-unit"), "Sello library escape room");
        await ProjectLifecycleCalls.ToEvaluationAsync(platform.Gateway, projectId,
            [new Party("teacher-anna", school), new Party("producer-pekka", studio), new Party("librarian-liisa", library)]);

        // Completed with its outcome: partner-matching counts the studio's co-creation, the outcome is open data, and
        // the city's signed reference verifies.
        await SendAsync(Post($"/api/v1/projects/{projectId}/complete", new { outcome = "Pupils solved the water cycle.", successRating = 5 }, "teacher-anna", school),
            HttpStatusCode.OK);
        var completedProjects = await Eventually.MatchAsync(
            async () => (await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/organisations/{studio}"), HttpStatusCode.OK)).GetProperty("completedProjects").GetInt32(),
            n => n == 1, TimeSpan.FromSeconds(60));
        Assert.Equal(1, completedProjects);
        Assert.Contains("Pupils solved the water cycle.", await platform.Gateway.GetStringAsync("/api/v1/open-data/projects.csv"), StringComparison.Ordinal);
        var reference = await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/projects/{projectId}/reference"), HttpStatusCode.OK);
        var payload = reference.GetProperty("payload");
        Assert.Equal(("Escape studio", host), (payload.GetProperty("partners").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == studio).GetProperty("name").GetString(),
            payload.GetProperty("environment").GetProperty("id").GetGuid()));
        // The idea followed its project to the end, over the broker.
        var ideaPhase = await Eventually.MatchAsync(
            async () => (await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/ideas/{ideaId}"), HttpStatusCode.OK)).GetProperty("project").GetProperty("phase").GetString(),
            phase => phase == "completed", TimeSpan.FromSeconds(60));
        Assert.Equal("completed", ideaPhase);
        var verified = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/references/verify")
            { Content = JsonContent.Create(new { reference = reference.GetProperty("reference").GetString() }) }, HttpStatusCode.OK);
        Assert.True(verified.GetProperty("current").GetBoolean());
    }
}
