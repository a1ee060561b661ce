using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntegrationEvents;
using static CoCreation.Ideas.FunctionalTests.IdeasTestKit;

namespace CoCreation.Ideas.FunctionalTests;

public sealed class ParticipationAndModerationTests(IdeasServiceFactory factory) : IClassFixture<IdeasServiceFactory>
{
    private HttpClient Owner => factory.ClientAs("teacher-anna", School);

    private HttpClient Moderator => factory.ClientAs("moderator-maija", roles: "moderator");

    private async Task<JsonElement> IdeaAsync(Guid id) => await ReadJsonAsync(await Owner.GetAsync($"/api/v1/ideas/{id}"), HttpStatusCode.OK);

    private async Task<List<JsonElement>> CommentsAsync(Guid id) =>
        [.. (await ReadJsonAsync(await factory.ClientAs(null).GetAsync($"/api/v1/ideas/{id}/comments"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task Comments_thread_one_level_deep_and_each_tells_the_owner_through_CommentAdded()
    {
        var id = (await CreateIdeaAsync(Owner)).Id();
        var question = await ReadJsonAsync(await factory.ClientAs("parent-pia").PostAsJsonAsync($"/api/v1/ideas/{id}/comments", new { body = "Could *parents* join?" }), HttpStatusCode.Created);
        var answer = await ReadJsonAsync(await Owner.PostAsJsonAsync($"/api/v1/ideas/{id}/comments", new { body = "Yes, on Fridays.", parentCommentId = question.Id() }), HttpStatusCode.Created);

        await AssertProblemAsync(await factory.ClientAs("parent-pia").PostAsJsonAsync($"/api/v1/ideas/{id}/comments",
            new { body = "A reply to a reply", parentCommentId = answer.Id() }), HttpStatusCode.BadRequest, "parentCommentId");
        await AssertProblemAsync(await factory.ClientAs("troll").PostAsJsonAsync($"/api/v1/ideas/{id}/comments",
            new { body = "<img src=x onerror=alert(1)>" }), HttpStatusCode.BadRequest, "body");
        await AssertProblemAsync(await factory.ClientAs("parent-pia").PostAsJsonAsync($"/api/v1/ideas/{id}/comments", new { body = "" }), HttpStatusCode.BadRequest, "body");

        var thread = Assert.Single(await CommentsAsync(id));
        Assert.Equal("<p>Could <em>parents</em> join?</p>\n", thread.Text("bodyHtml"));
        Assert.Equal("Yes, on Fridays.", Assert.Single(thread.GetProperty("replies").EnumerateArray()).Text("body"));
        Assert.Equal(2, (await IdeaAsync(id)).GetProperty("commentCount").GetInt32());

        var events = await factory.OutboxEventsAsync<CommentAdded>(id);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("teacher-anna", e.IdeaOwnerPersonId));
        Assert.Equal("parent-pia", events[1].ParentCommentAuthorPersonId);
    }

    [Fact]
    public async Task A_draft_takes_no_comments_supports_or_follows()
    {
        var id = (await CreateIdeaAsync(Owner, draft: true)).Id();

        await AssertProblemAsync(await Owner.PostAsJsonAsync($"/api/v1/ideas/{id}/comments", new { body = "Note to self" }), HttpStatusCode.Conflict);
        await AssertProblemAsync(await Owner.PutAsync($"/api/v1/ideas/{id}/support", null), HttpStatusCode.Conflict);
        await AssertProblemAsync(await Owner.PutAsync($"/api/v1/ideas/{id}/follow", null), HttpStatusCode.Conflict);
        await AssertProblemAsync(await factory.ClientAs("stranger").PutAsync($"/api/v1/ideas/{id}/support", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task One_support_and_one_follow_per_person_however_often_they_are_sent()
    {
        var id = (await CreateIdeaAsync(Owner)).Id();
        var fan = factory.ClientAs("fan-frida");

        Assert.Equal(HttpStatusCode.NoContent, (await fan.PutAsync($"/api/v1/ideas/{id}/support", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await fan.PutAsync($"/api/v1/ideas/{id}/support", null)).StatusCode);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => fan.PutAsync($"/api/v1/ideas/{id}/follow", null)));
        await factory.ClientAs("fan-fred").PutAsync($"/api/v1/ideas/{id}/support", null);

        var idea = await IdeaAsync(id);
        Assert.Equal(2, idea.GetProperty("supportCount").GetInt32());
        Assert.Equal(1, idea.GetProperty("followerCount").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await fan.DeleteAsync($"/api/v1/ideas/{id}/support")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await fan.DeleteAsync($"/api/v1/ideas/{id}/support")).StatusCode);
        Assert.Equal(1, (await IdeaAsync(id)).GetProperty("supportCount").GetInt32());
        // Supports do not change the content, so they leave the ETag alone and never break someone's edit.
        Assert.Equal(2, (await IdeaAsync(id)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_reported_comment_hidden_by_a_moderator_leaves_the_list_but_stays_in_the_audit()
    {
        var id = (await CreateIdeaAsync(Owner)).Id();
        var rude = await ReadJsonAsync(await factory.ClientAs("troll").PostAsJsonAsync($"/api/v1/ideas/{id}/comments", new { body = "Rude words" }), HttpStatusCode.Created);
        var reporter = factory.ClientAs("reader-rami");

        Assert.Equal(HttpStatusCode.Accepted, (await reporter.PostAsJsonAsync($"/api/v1/ideas/{id}/comments/{rude.Id()}/reports", new { reason = "offensive" })).StatusCode);
        await AssertProblemAsync(await reporter.PostAsJsonAsync($"/api/v1/ideas/{id}/comments/{rude.Id()}/reports", new { reason = "offensive" }), HttpStatusCode.Conflict);
        await AssertProblemAsync(await reporter.PostAsJsonAsync($"/api/v1/ideas/{id}/reports", new { reason = "boring" }), HttpStatusCode.BadRequest, "reason");
        await AssertProblemAsync(await reporter.GetAsync("/api/v1/moderation/reports"), HttpStatusCode.Forbidden);
        var open = await ReadJsonAsync(await Moderator.GetAsync("/api/v1/moderation/reports"), HttpStatusCode.OK);
        var report = Assert.Single(open.GetProperty("items").EnumerateArray(), r => r.GetProperty("targetId").GetGuid() == rude.Id());
        // With what a moderator needs to decide from the queue.
        Assert.Equal(("Rude words", false), (report.Text("excerpt"), report.GetProperty("targetHidden").GetBoolean()));
        Assert.Equal((await IdeaAsync(id)).Text("title"), report.Text("ideaTitle"));

        await AssertProblemAsync(await reporter.PostAsJsonAsync($"/api/v1/ideas/{id}/comments/{rude.Id()}/hide", new { reason = "I dislike it" }), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await Moderator.PostAsJsonAsync($"/api/v1/ideas/{id}/comments/{rude.Id()}/hide", new { reason = "Insults another user" })).StatusCode);

        Assert.Empty(await CommentsAsync(id));
        Assert.Equal(0, (await IdeaAsync(id)).GetProperty("commentCount").GetInt32());
        var stillOpen = await ReadJsonAsync(await Moderator.GetAsync("/api/v1/moderation/reports"), HttpStatusCode.OK);
        Assert.DoesNotContain(stillOpen.GetProperty("items").EnumerateArray(), r => r.GetProperty("targetId").GetGuid() == rude.Id());
        var audit = await ReadJsonAsync(await Moderator.GetAsync($"/api/v1/moderation/actions?ideaId={id}"), HttpStatusCode.OK);
        var action = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal(("comment", "hidden", "Insults another user", "moderator-maija"),
            (action.Text("targetKind"), action.Text("action"), action.Text("reason"), action.Text("moderatorPersonId")));
        var resolved = await ReadJsonAsync(await Moderator.GetAsync("/api/v1/moderation/reports?status=resolved&limit=100"), HttpStatusCode.OK);
        Assert.True(resolved.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("targetId").GetGuid() == rude.Id()).GetProperty("targetHidden").GetBoolean());
        // The author hears why, by an event committed with the hiding.
        var told = Assert.Single(await factory.OutboxEventsAsync<ContentHidden>(rude.Id()));
        Assert.Equal(("comment", "troll", "Insults another user"), (told.TargetKind, told.AuthorPersonId, told.Reason));
    }

    [Fact]
    public async Task A_hidden_idea_disappears_for_everyone_but_moderators_and_its_owner_and_can_be_shown_again()
    {
        var idea = await CreateIdeaAsync(Owner, ValidIdea("Hidden treasure"));
        var id = idea.Id();

        Assert.Equal(HttpStatusCode.NoContent, (await Moderator.PostAsJsonAsync($"/api/v1/ideas/{id}/hide", new { reason = "Personal data in the description" })).StatusCode);

        await AssertProblemAsync(await factory.ClientAs(null).GetAsync($"/api/v1/ideas/{id}"), HttpStatusCode.NotFound);
        var list = await ReadJsonAsync(await factory.ClientAs(null).GetAsync($"/api/v1/ideas?q=treasure&organisation={School}"), HttpStatusCode.OK);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
        var seenByModerator = await ReadJsonAsync(await Moderator.GetAsync($"/api/v1/ideas/{id}"), HttpStatusCode.OK);
        Assert.Equal("Personal data in the description", seenByModerator.GetProperty("hidden").Text("reason"));
        await ReadJsonAsync(await Owner.GetAsync($"/api/v1/ideas/{id}"), HttpStatusCode.OK);
        await AssertProblemAsync(await Moderator.PostAsJsonAsync($"/api/v1/ideas/{id}/hide", new { reason = "again" }), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.NoContent, (await Moderator.PostAsJsonAsync($"/api/v1/ideas/{id}/unhide", new { reason = "The owner removed the data" })).StatusCode);
        await ReadJsonAsync(await factory.ClientAs(null).GetAsync($"/api/v1/ideas/{id}"), HttpStatusCode.OK);
        var versions = await ReadJsonAsync(await Moderator.GetAsync($"/api/v1/ideas/{id}/versions"), HttpStatusCode.OK);
        Assert.Equal(["created", "published", "hidden", "unhidden"], versions.EnumerateArray().Select(v => v.Text("change")));
    }
}
