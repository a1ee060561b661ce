using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntegrationEvents;

namespace CoCreation.EndToEnd.Tests;

/// <summary>The ideas domain through the gateway, with its events crossing the real broker.</summary>
[Collection(PlatformCollection.Name)]
public sealed class IdeasThroughTheGatewayTests(PlatformFixture platform)
{
    private static readonly Guid Library = Guid.Parse("11b7a7e1-0000-4000-8000-000000000003");

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, HttpStatusCode expected)
    {
        using var response = await platform.Gateway.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{request.Method} {request.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task A_draft_published_edited_commented_and_withdrawn_sends_each_event_over_the_broker()
    {
        await using var observer = await BrokerObserver.StartAsync(platform.BrokerConnectionString,
            typeof(IdeaPublished), typeof(IdeaUpdated), typeof(IdeaWithdrawn), typeof(IdeaStatusChanged), typeof(CommentAdded));
        var owner = "teacher-" + Guid.NewGuid().ToString("N")[..8];

        var draftRequest = GatewayCalls.PostIdea(owner, "Reading buddies across grades");
        draftRequest.RequestUri = new Uri("/api/v1/ideas?draft=true", UriKind.Relative);
        var id = (await SendAsync(draftRequest, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/ideas/{id}/publish").AsPerson(owner, GatewayCalls.SchoolOrganisation), HttpStatusCode.OK);

        var edit = GatewayCalls.PostIdea(owner, "Reading buddies across grades and schools");
        edit.Method = HttpMethod.Put;
        edit.RequestUri = new Uri($"/api/v1/ideas/{id}", UriKind.Relative);
        edit.Headers.TryAddWithoutValidation("If-Match", "\"2\""); // version 1 created the draft, version 2 published it
        await SendAsync(edit, HttpStatusCode.OK);

        var comment = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/ideas/{id}/comments") { Content = JsonContent.Create(new { body = "Count our class in!" }) }
            .AsPerson("teacher-other");
        await SendAsync(comment, HttpStatusCode.Created);
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/ideas/{id}/withdraw").AsPerson(owner, GatewayCalls.SchoolOrganisation), HttpStatusCode.OK);

        Assert.Single(await observer.WaitForAsync<IdeaPublished>(e => e.IdeaId == id));
        var updated = Assert.Single(await observer.WaitForAsync<IdeaUpdated>(e => e.IdeaId == id));
        Assert.Equal(["title"], updated.ChangedFields);
        var added = Assert.Single(await observer.WaitForAsync<CommentAdded>(e => e.IdeaId == id));
        Assert.Equal(owner, added.IdeaOwnerPersonId);
        Assert.Single(await observer.WaitForAsync<IdeaWithdrawn>(e => e.IdeaId == id));
        var moves = await observer.WaitForAsync<IdeaStatusChanged>(e => e.IdeaId == id, count: 2);
        Assert.Equal([IdeaStatus.Published, IdeaStatus.Withdrawn], moves.Select(m => m.To).Order());

        // Notifications consumed CommentAdded from the same broker: the owner hears of the comment.
        var inbox = await Eventually.MatchAsync(() => platform.Gateway.NotificationsOf(owner),
            page => page.Items.Any(n => n.Kind == "comment-added"), TimeSpan.FromSeconds(60));
        Assert.Contains(inbox.Items, n => n.Kind == "comment-added");
    }

    [Fact]
    public async Task A_challenge_search_taxonomy_and_moderation_are_reachable_through_the_gateway()
    {
        await using var observer = await BrokerObserver.StartAsync(platform.BrokerConnectionString, typeof(ChallengePublished));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var challengeRequest = new HttpRequestMessage(HttpMethod.Post, "/api/v1/challenges")
        {
            Content = JsonContent.Create(new
            {
                title = "Quiet spaces for exam weeks",
                summary = "How could the library help upper-secondary students revise?",
                themes = new[] { "culture-and-libraries" },
                environment = "library",
                opensOn = today,
                closesOn = today.AddDays(30),
            }),
        }.AsPerson("librarian-liisa", Library);
        challengeRequest.Headers.Add("X-Dev-Roles", "city-unit");
        var challengeId = (await SendAsync(challengeRequest, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Single(await observer.WaitForAsync<ChallengePublished>(e => e.ChallengeId == challengeId));

        var taxonomy = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/taxonomy"), HttpStatusCode.OK);
        // The theme the challenge used is there, named in three languages (moderators may have added more meanwhile).
        var theme = taxonomy.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "culture-and-libraries");
        Assert.All(new[] { "fi", "sv", "en" }, language => Assert.NotEmpty(theme.GetProperty("names").GetProperty(language).GetString()!));
        await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/challenges/{challengeId}"), HttpStatusCode.OK);

        var owner = "teacher-" + Guid.NewGuid().ToString("N")[..8];
        await SendAsync(GatewayCalls.PostIdea(owner, "Silent disco revision evenings"), HttpStatusCode.Created);
        var found = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/ideas?q=disco+revision&theme=learning-and-teaching"), HttpStatusCode.OK);
        Assert.Equal("Silent disco revision evenings", Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());

        var moderator = new HttpRequestMessage(HttpMethod.Get, "/api/v1/moderation/reports").AsPerson("moderator-maija");
        moderator.Headers.Add("X-Dev-Roles", "moderator");
        await SendAsync(moderator, HttpStatusCode.OK);
        await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/moderation/reports").AsPerson("resident-rita"), HttpStatusCode.Forbidden);
    }
}
