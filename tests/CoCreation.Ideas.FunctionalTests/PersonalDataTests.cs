using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntegrationEvents;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using static CoCreation.Ideas.FunctionalTests.IdeasTestKit;

namespace CoCreation.Ideas.FunctionalTests;

/// <summary>The ideas service's part in a person's rights: it answers an export, and anonymises them when they erase their account.</summary>
public sealed class PersonalDataTests(IdeasServiceFactory factory) : IClassFixture<IdeasServiceFactory>
{
    [Fact]
    public async Task An_export_request_is_answered_with_what_the_person_wrote_supported_and_followed()
    {
        var person = "person-" + Guid.NewGuid().ToString("N")[..8];
        var idea = await CreateIdeaAsync(factory.ClientAs("teacher-anna", School));
        var client = factory.ClientAs(person);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/ideas/{idea.Id()}/comments", new { body = "My own words" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync($"/api/v1/ideas/{idea.Id()}/support", null)).StatusCode);
        var exportId = Guid.NewGuid();

        await factory.Harness.Bus.Publish(new PersonalDataExportRequested(exportId, person, DateTime.UtcNow),
            (PublishContext<PersonalDataExportRequested> c) => c.MessageId = Guid.NewGuid());

        var answer = await WaitAsync(async () => (await factory.OutboxEventsAsync<PersonalDataCollected>(exportId)).SingleOrDefault());
        Assert.NotNull(answer);
        Assert.Equal("ideas", answer.Service);
        var data = JsonDocument.Parse(answer.DataJson).RootElement;
        Assert.Equal("My own words", data.GetProperty("comments")[0].GetProperty("body").GetString());
        Assert.Equal(idea.Id(), data.GetProperty("supports")[0].GetProperty("ideaId").GetGuid());
        Assert.Equal(0, data.GetProperty("ideasCreated").GetArrayLength());
    }

    [Fact]
    public async Task Erasure_keeps_the_content_under_a_pseudonym_keeps_the_support_counted_and_drops_follows_even_when_redelivered()
    {
        var person = "person-" + Guid.NewGuid().ToString("N")[..8];
        var author = factory.ClientAs(person, Company);
        var idea = await CreateIdeaAsync(author, ValidIdea("Written by someone who leaves"));
        var other = await CreateIdeaAsync(factory.ClientAs("teacher-anna", School));
        Assert.Equal(HttpStatusCode.Created, (await author.PostAsJsonAsync($"/api/v1/ideas/{other.Id()}/comments", new { body = "Words that stay" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await author.PutAsync($"/api/v1/ideas/{other.Id()}/support", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await author.PutAsync($"/api/v1/ideas/{other.Id()}/follow", null)).StatusCode);
        var erased = new PersonErased(person, "erased-" + Guid.NewGuid().ToString("N"), DateTime.UtcNow);
        var messageId = Guid.NewGuid();

        await factory.Harness.Bus.Publish(erased, (PublishContext<PersonErased> c) => c.MessageId = messageId);
        await factory.Harness.Bus.Publish(erased, (PublishContext<PersonErased> c) => c.MessageId = messageId);

        var follows = await WaitAsync(async () =>
        {
            var count = await factory.WithDbAsync(db => db.Follows.CountAsync(f => f.PersonId == person));
            return count == 0 ? (int?)count : null;
        });
        Assert.Equal(0, follows);
        // Moderators see who wrote what (a pseudonym now); the public sees no person's id at all.
        var moderator = factory.ClientAs("moderator-mia", null, "moderator");
        var comments = await moderator.GetFromJsonAsync<JsonElement>($"/api/v1/ideas/{other.Id()}/comments");
        var comment = comments.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("body").GetString() == "Words that stay");
        Assert.Equal(erased.Pseudonym, comment.GetProperty("authorPersonId").GetString());
        var mine = await moderator.GetFromJsonAsync<JsonElement>($"/api/v1/ideas/{idea.Id()}");
        Assert.Equal(erased.Pseudonym, mine.GetProperty("ownerPersonId").GetString());
        var publicComments = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/ideas/{other.Id()}/comments");
        Assert.All(publicComments.GetProperty("items").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("authorPersonId").ValueKind));
        Assert.Equal(JsonValueKind.Null, (await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/ideas/{idea.Id()}")).GetProperty("ownerPersonId").ValueKind);
        Assert.Equal("Written by someone who leaves", mine.GetProperty("title").GetString());
        var otherAfter = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/ideas/{other.Id()}");
        Assert.Equal((1, 0), (otherAfter.GetProperty("supportCount").GetInt32(), otherAfter.GetProperty("followerCount").GetInt32()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Supports.CountAsync(s => s.IdeaId == other.Id() && s.PersonId == erased.Pseudonym)));
        Assert.False(await factory.WithDbAsync(db => db.Comments.AnyAsync(c => c.AuthorPersonId == person)));
        Assert.False(await factory.WithDbAsync(db => db.IdeaVersions.AnyAsync(v => v.ChangedByPersonId == person)));
    }

    private static async Task<T?> WaitAsync<T>(Func<Task<T?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var value = await probe();
            if (value is not null || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(100);
        }
    }
}
