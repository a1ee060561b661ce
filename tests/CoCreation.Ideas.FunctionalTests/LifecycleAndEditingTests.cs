using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntegrationEvents;
using MassTransit;
using static CoCreation.Ideas.FunctionalTests.IdeasTestKit;

namespace CoCreation.Ideas.FunctionalTests;

public sealed class LifecycleAndEditingTests(IdeasServiceFactory factory) : IClassFixture<IdeasServiceFactory>
{
    private HttpClient Owner => factory.ClientAs("teacher-anna", School);

    private HttpClient OtherOrganisation => factory.ClientAs("sales-bob", Company);

    private HttpClient Moderator => factory.ClientAs("moderator-maija", roles: "moderator");

    [Fact]
    public async Task A_draft_is_private_until_published_then_public_and_withdrawable_and_every_move_is_recorded()
    {
        var draft = await CreateIdeaAsync(Owner, draft: true);
        var id = draft.Id();
        Assert.Equal("draft", draft.Text("status"));
        await AssertProblemAsync(await factory.ClientAs(null).GetAsync($"/api/v1/ideas/{id}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await OtherOrganisation.GetAsync($"/api/v1/ideas/{id}"), HttpStatusCode.NotFound);
        Assert.Empty(await factory.OutboxEventsAsync<IdeaPublished>(id));

        var published = await ReadJsonAsync(await Owner.PostAsync($"/api/v1/ideas/{id}/publish", null), HttpStatusCode.OK);
        Assert.Equal("published", published.Text("status"));
        await ReadJsonAsync(await factory.ClientAs(null).GetAsync($"/api/v1/ideas/{id}"), HttpStatusCode.OK);
        Assert.Single(await factory.OutboxEventsAsync<IdeaPublished>(id));

        var withdrawn = await ReadJsonAsync(await Owner.PostAsync($"/api/v1/ideas/{id}/withdraw", null), HttpStatusCode.OK);
        Assert.Equal("withdrawn", withdrawn.Text("status"));
        Assert.Single(await factory.OutboxEventsAsync<IdeaWithdrawn>(id));
        var changes = await factory.OutboxEventsAsync<IdeaStatusChanged>(id);
        Assert.Equal([(IdeaStatus.Draft, IdeaStatus.Published), (IdeaStatus.Published, IdeaStatus.Withdrawn)], changes.Select(c => (c.From, c.To)));

        var versions = await ReadJsonAsync(await Owner.GetAsync($"/api/v1/ideas/{id}/versions"), HttpStatusCode.OK);
        Assert.Equal(["created", "published", "withdrawn"], versions.EnumerateArray().Select(v => v.Text("change")));
        Assert.All(versions.EnumerateArray(), v => Assert.Equal("teacher-anna", v.Text("changedByPersonId")));
        // Others read the history without the person's id: the organisation is on the idea.
        var publicVersions = await ReadJsonAsync(await factory.ClientAs("someone-else", Guid.NewGuid()).GetAsync($"/api/v1/ideas/{id}/versions"), HttpStatusCode.OK);
        Assert.All(publicVersions.EnumerateArray(), v => Assert.Equal(JsonValueKind.Null, v.GetProperty("changedByPersonId").ValueKind));
    }

    [Theory]
    [InlineData("withdraw")] // a draft cannot be withdrawn
    [InlineData("publish-twice")]
    public async Task An_invalid_transition_is_a_409_problem_naming_the_status_and_changes_nothing(string move)
    {
        var idea = await CreateIdeaAsync(Owner, draft: move == "withdraw");
        var id = idea.Id();
        var eventsBefore = await factory.WithDbAsync(db => Task.FromResult(db.OutboxMessages.Count()));

        using var response = await Owner.PostAsync($"/api/v1/ideas/{id}/{(move == "withdraw" ? "withdraw" : "publish")}", null);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(move == "withdraw" ? "draft" : "published", problem.Text("ideaStatus"));
        var after = await ReadJsonAsync(await Owner.GetAsync($"/api/v1/ideas/{id}"), HttpStatusCode.OK);
        Assert.Equal(idea.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal(eventsBefore, await factory.WithDbAsync(db => Task.FromResult(db.OutboxMessages.Count())));
    }

    [Fact]
    public async Task Only_the_owner_organisation_changes_an_idea_and_only_moderators_archive_it()
    {
        var id = (await CreateIdeaAsync(Owner)).Id();

        await AssertProblemAsync(await OtherOrganisation.PostAsync($"/api/v1/ideas/{id}/withdraw", null), HttpStatusCode.Forbidden);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/ideas/{id}") { Content = JsonContent.Create(ValidIdea("Hijacked")) };
        await AssertProblemAsync(await OtherOrganisation.SendAsync(put.WithIfMatch("\"2\"")), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await Owner.PostAsJsonAsync($"/api/v1/ideas/{id}/archive", new { reason = "mine" }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await Moderator.PostAsJsonAsync($"/api/v1/ideas/{id}/archive", new { reason = "" }), HttpStatusCode.BadRequest, "reason");

        var archived = await ReadJsonAsync(await Moderator.PostAsJsonAsync($"/api/v1/ideas/{id}/archive", new { reason = "Duplicate of an older idea" }), HttpStatusCode.OK);
        Assert.Equal("archived", archived.Text("status"));
        await AssertProblemAsync(await factory.ClientAs(null).GetAsync($"/api/v1/ideas/{id}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Moderator.PostAsJsonAsync($"/api/v1/ideas/{id}/archive", new { reason = "again" }), HttpStatusCode.Conflict);
        var audit = await ReadJsonAsync(await Moderator.GetAsync($"/api/v1/moderation/actions?ideaId={id}"), HttpStatusCode.OK);
        Assert.Equal("archived", Assert.Single(audit.GetProperty("items").EnumerateArray()).Text("action"));
    }

    [Fact]
    public async Task An_update_needs_the_current_ETag_records_what_changed_and_tells_other_services()
    {
        var created = await CreateIdeaAsync(Owner);
        var id = created.Id();
        using var read = await Owner.GetAsync($"/api/v1/ideas/{id}");
        var etag = read.Headers.ETag!.Tag;
        Assert.Equal("\"2\"", etag); // version 1 created it, version 2 published it

        var changed = ValidIdea("Playful Swedish and Finnish vocabulary");
        changed["themes"] = new[] { "learning-and-teaching", "youth" };
        using var noIfMatch = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/ideas/{id}") { Content = JsonContent.Create(changed) };
        await AssertProblemAsync(await Owner.SendAsync(noIfMatch), HttpStatusCode.PreconditionRequired);

        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/ideas/{id}") { Content = JsonContent.Create(changed) };
        using var updated = await Owner.SendAsync(update.WithIfMatch(etag));
        var body = await ReadJsonAsync(updated, HttpStatusCode.OK);
        Assert.Equal("\"3\"", updated.Headers.ETag!.Tag);
        Assert.Equal(3, body.GetProperty("version").GetInt32());

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/ideas/{id}") { Content = JsonContent.Create(ValidIdea("Lost update")) };
        await AssertProblemAsync(await Owner.SendAsync(stale.WithIfMatch(etag)), HttpStatusCode.PreconditionFailed);
        Assert.Equal("Playful Swedish and Finnish vocabulary", (await ReadJsonAsync(await Owner.GetAsync($"/api/v1/ideas/{id}"), HttpStatusCode.OK)).Text("title"));

        var versions = await ReadJsonAsync(await Owner.GetAsync($"/api/v1/ideas/{id}/versions"), HttpStatusCode.OK);
        var last = versions.EnumerateArray().Last();
        Assert.Equal("updated", last.Text("change"));
        var fields = last.GetProperty("fields").EnumerateArray().ToDictionary(f => f.Text("field"));
        Assert.Equal(["title", "themes"], fields.Keys);
        Assert.Equal("Playful Swedish vocabulary", fields["title"].Text("before"));
        Assert.Equal("learning-and-teaching, youth", fields["themes"].Text("after"));

        var update3 = Assert.Single(await factory.OutboxEventsAsync<IdeaUpdated>(id));
        Assert.Equal(["title", "themes"], update3.ChangedFields);
        Assert.Equal(["learning-and-teaching", "youth"], update3.Themes);
        Assert.Equal(School, update3.OwnerOrganisationId);
    }

    [Fact]
    public async Task A_read_with_the_current_ETag_is_304_and_the_HTML_of_the_description_is_safe()
    {
        using var created = await Owner.PostAsJsonAsync("/api/v1/ideas", ValidIdea());
        var idea = await ReadJsonAsync(created, HttpStatusCode.Created);
        Assert.Contains("<strong>twice</strong>", idea.Text("descriptionHtml"), StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/school\"", idea.Text("descriptionHtml"), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/ideas/{idea.Id()}");
        request.Headers.TryAddWithoutValidation("If-None-Match", created.Headers.ETag!.Tag);
        using var response = await factory.ClientAs(null).SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task The_same_Idempotency_Key_creates_one_idea_and_replays_the_answer_and_a_different_body_is_refused()
    {
        var key = Guid.NewGuid().ToString();
        var before = await factory.CountStoredAsync();
        HttpRequestMessage Create(string title)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ideas") { Content = JsonContent.Create(ValidIdea(title)) };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        using var first = await Owner.SendAsync(Create("Once only"));
        using var second = await Owner.SendAsync(Create("Once only"));
        using var different = await Owner.SendAsync(Create("Something else"));

        var firstBody = await ReadJsonAsync(first, HttpStatusCode.Created);
        var secondBody = await ReadJsonAsync(second, HttpStatusCode.Created);
        Assert.Equal(firstBody.Id(), secondBody.Id());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        await AssertProblemAsync(different, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        var after = await factory.CountStoredAsync();
        Assert.Equal(before.Ideas + 1, after.Ideas);
        Assert.Single(await factory.OutboxEventsAsync<IdeaPublished>(firstBody.Id()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_Idempotency_Key_is_a_400_naming_it_and_creates_nothing(string key)
    {
        var before = await factory.CountStoredAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ideas") { Content = JsonContent.Create(ValidIdea("Keyless")) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        await AssertProblemAsync(await Owner.SendAsync(request), HttpStatusCode.BadRequest, "Idempotency-Key");

        Assert.Equal(before.Ideas, (await factory.CountStoredAsync()).Ideas);
    }

    [Fact]
    public async Task PartnershipAgreed_and_ProjectCreated_move_the_idea_on_once_even_when_redelivered()
    {
        var id = (await CreateIdeaAsync(Owner)).Id();
        var agreed = new PartnershipAgreed(Guid.NewGuid(), id, School, [Company], null, DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();

        await factory.Harness.Bus.Publish(agreed, (PublishContext<PartnershipAgreed> c) => c.MessageId = messageId);
        await factory.Harness.Bus.Publish(agreed, (PublishContext<PartnershipAgreed> c) => c.MessageId = messageId);
        Assert.Equal("partner-found", await WaitForStatusAsync(id, "partner-found"));

        var project = new ProjectCreated(Guid.NewGuid(), id, "The project", School, [Company], DateTimeOffset.UtcNow);
        await factory.Harness.Bus.Publish(project, (PublishContext<ProjectCreated> c) => c.MessageId = Guid.NewGuid());
        Assert.Equal("converted-to-project", await WaitForStatusAsync(id, "converted-to-project"));

        var idea = await ReadJsonAsync(await Owner.GetAsync($"/api/v1/ideas/{id}"), HttpStatusCode.OK);
        Assert.Equal("converted-to-project", idea.Text("status"));
        Assert.Equal((project.ProjectId, "planning"), (idea.GetProperty("project").GetProperty("id").GetGuid(), idea.GetProperty("project").Text("phase")));

        // The idea follows its project along the roadmap, without a new version of its own.
        await factory.Harness.Bus.Publish(new ProjectPhaseChanged(project.ProjectId, "planning", "agreement", null, School, [Company], DateTimeOffset.UtcNow, "The project", id));
        var phase = "";
        for (var deadline = DateTime.UtcNow.AddSeconds(15); phase != "agreement" && DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            phase = (await ReadJsonAsync(await Owner.GetAsync($"/api/v1/ideas/{id}"), HttpStatusCode.OK)).GetProperty("project").Text("phase");
        }
        Assert.Equal("agreement", phase);
        idea = await ReadJsonAsync(await Owner.GetAsync($"/api/v1/ideas/{id}"), HttpStatusCode.OK);
        var changes = await factory.OutboxEventsAsync<IdeaStatusChanged>(id);
        Assert.Equal([IdeaStatus.Published, IdeaStatus.PartnerFound, IdeaStatus.ConvertedToProject], changes.Select(c => c.To));
        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/ideas/{id}") { Content = JsonContent.Create(ValidIdea("Too late")) };
        await AssertProblemAsync(await Owner.SendAsync(edit.WithIfMatch($"\"{idea.GetProperty("version").GetInt32()}\"")), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Creating_an_idea_needs_an_organisation()
    {
        using var response = await factory.ClientAs("resident-rita").PostAsJsonAsync("/api/v1/ideas", ValidIdea());
        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    /// <summary>The idea's status once it is <paramref name="expected"/>, or whatever it is after a bounded wait.</summary>
    private async Task<string> WaitForStatusAsync(Guid id, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var status = (await ReadJsonAsync(await Owner.GetAsync($"/api/v1/ideas/{id}"), HttpStatusCode.OK)).Text("status");
            if (status == expected || DateTime.UtcNow > deadline)
            {
                return status;
            }
            await Task.Delay(50);
        }
    }
}
