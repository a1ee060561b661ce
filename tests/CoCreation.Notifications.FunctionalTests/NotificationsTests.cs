using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntegrationEvents;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Notifications.FunctionalTests;

/// <summary>The notifications service on a real SQLite file, fed events through MassTransit's in-memory harness.</summary>
public sealed class NotificationsServiceFactory() : SqliteServiceFactory<Program>("notificationsdb")
{
    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    /// <summary>Publishes the event on the harness bus and waits until every consumer of it in the service has handled it.</summary>
    public async Task DeliverAsync<T>(T message, Guid? messageId = null)
        where T : class
    {
        var id = messageId ?? Guid.NewGuid();
        var consumers = ConsumersOf<T>();
        await Harness.Bus.Publish(message, (PublishContext<T> context) => context.MessageId = id);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await CountInboxAsync(id) < consumers)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{typeof(T).Name} {id}: {await CountInboxAsync(id)} of its {consumers} consumers handled it within 15 s.");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>How many of the service's consumers take <typeparamref name="T"/> (each on its own queue).</summary>
    public static int ConsumersOf<T>()
        where T : class => typeof(Program).Assembly.GetTypes().Count(t => !t.IsAbstract && typeof(IConsumer<T>).IsAssignableFrom(t));

    private async Task<int> CountInboxAsync(Guid messageId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().InboxMessages.CountAsync(m => m.MessageId == messageId);
    }
}

public sealed class NotificationsTests(NotificationsServiceFactory factory) : IClassFixture<NotificationsServiceFactory>
{
    private static readonly Guid School = Guid.Parse("5c0a7e10-0000-4000-8000-000000000001");

    private static string Person() => "person-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<List<JsonElement>> InboxAsync(string person, string query = "")
    {
        using var response = await factory.ClientAs(person).GetAsync($"/api/v1/notifications{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];
    }

    private static CommentAdded Comment(string owner, string author, string? parentAuthor) => new(
        Guid.NewGuid(), Guid.NewGuid(), "Reading buddies", owner, School, parentAuthor is null ? null : Guid.NewGuid(), parentAuthor, author,
        "Count us in!", DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_published_idea_notifies_its_owner_once_however_often_the_event_is_delivered()
    {
        var owner = Person();
        var published = new IdeaPublished(Guid.NewGuid(), IdeaKind.Need, "Reading buddies", "Summary", ["learning-and-teaching"], ["school"], [], "en",
            owner, School, DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();

        var consumed = new ConsumeCounter();
        using var observing = factory.Harness.Bus.ConnectConsumeObserver(consumed);
        await factory.Harness.Bus.Publish(published, (PublishContext<IdeaPublished> context) => context.MessageId = messageId);
        await factory.Harness.Bus.Publish(published, (PublishContext<IdeaPublished> context) => context.MessageId = messageId);
        // Both copies reach every consumer of the event (the notification's and the webhooks').
        Assert.True(await consumed.WaitForAsync(messageId, times: 2 * NotificationsServiceFactory.ConsumersOf<IdeaPublished>()),
            "both copies should reach the consumers");

        var notification = Assert.Single(await InboxAsync(owner));
        Assert.Equal("idea-published", notification.GetProperty("kind").GetString());
        Assert.Equal($"/api/v1/ideas/{published.IdeaId}", notification.GetProperty("link").GetString());
    }

    [Fact]
    public async Task A_comment_notifies_the_owner_and_a_reply_the_parents_author_but_never_the_writer()
    {
        var owner = Person();
        var reader = Person();

        await factory.DeliverAsync(Comment(owner, author: reader, parentAuthor: null));
        await factory.DeliverAsync(Comment(owner, author: owner, parentAuthor: reader));
        await factory.DeliverAsync(Comment(owner, author: owner, parentAuthor: null));

        Assert.Equal(["comment-added"], (await InboxAsync(owner)).Select(n => n.GetProperty("kind").GetString()));
        Assert.Equal(["comment-reply"], (await InboxAsync(reader)).Select(n => n.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task A_person_reads_and_marks_only_their_own_notifications()
    {
        var owner = Person();
        await factory.DeliverAsync(Comment(owner, author: Person(), parentAuthor: null));
        var id = Assert.Single(await InboxAsync(owner)).GetProperty("id").GetGuid();

        using var someoneElse = await factory.ClientAs(Person()).PostAsync($"/api/v1/notifications/{id}/read", null);
        Assert.Equal(HttpStatusCode.NotFound, someoneElse.StatusCode);
        Assert.Single(await InboxAsync(owner, "?unreadOnly=true"));

        using var mine = await factory.ClientAs(owner).PostAsync($"/api/v1/notifications/{id}/read", null);
        Assert.Equal(HttpStatusCode.NoContent, mine.StatusCode);
        Assert.Empty(await InboxAsync(owner, "?unreadOnly=true"));
        Assert.NotEqual(JsonValueKind.Null, Assert.Single(await InboxAsync(owner)).GetProperty("readAt").ValueKind);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=1000")]
    [InlineData("?limit=many")]
    public async Task A_bad_limit_is_a_400_problem_naming_it(string query)
    {
        using var response = await factory.ClientAs(Person()).GetAsync($"/api/v1/notifications{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task Without_an_acting_person_the_inbox_is_a_401_problem()
    {
        using var response = await factory.CreateClient().GetAsync("/api/v1/notifications");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>Counts completed consumptions per MessageId, so a test can wait until every copy was handled.</summary>
public sealed class ConsumeCounter : IConsumeObserver
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _completed = new();

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _completed.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => PostConsume(context);

    public async Task<bool> WaitForAsync(Guid messageId, int times)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (_completed.GetValueOrDefault(messageId) < times)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(20);
        }
        return true;
    }
}

public sealed class InterestNotificationsTests(NotificationsServiceFactory factory) : IClassFixture<NotificationsServiceFactory>
{
    [Fact]
    public async Task The_owner_hears_of_an_interest_and_the_interested_person_of_a_decline()
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N")[..8];
        var producer = "producer-" + Guid.NewGuid().ToString("N")[..8];
        var ideaId = Guid.NewGuid();
        var interestId = Guid.NewGuid();

        await factory.DeliverAsync(new InterestExpressed(interestId, ideaId, "Museum game", owner, Guid.NewGuid(), Guid.NewGuid(), "Pelipaja",
            "We would love to build it.", DateTimeOffset.UtcNow));
        await factory.DeliverAsync(new InterestDeclined(interestId, ideaId, "Museum game", Guid.NewGuid(), producer, "We found a partner already.", DateTimeOffset.UtcNow));

        var toOwner = Assert.Single(await InboxAsync(owner));
        Assert.Equal("interest-expressed", toOwner.GetProperty("kind").GetString());
        Assert.Contains("Pelipaja", toOwner.GetProperty("title").GetString(), StringComparison.Ordinal);
        var toProducer = Assert.Single(await InboxAsync(producer));
        Assert.Equal("interest-declined", toProducer.GetProperty("kind").GetString());
        Assert.Equal($"/api/v1/ideas/{ideaId}/interests/{interestId}", toProducer.GetProperty("link").GetString());
    }

    [Fact]
    public async Task The_interested_person_hears_of_an_acceptance_once_with_the_owners_reply()
    {
        var producer = "producer-" + Guid.NewGuid().ToString("N")[..8];
        var ideaId = Guid.NewGuid();
        var interestId = Guid.NewGuid();
        var accepted = new InterestAccepted(interestId, ideaId, "Museum game", Guid.NewGuid(), producer, "Welcome aboard!", DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();

        var consumed = new ConsumeCounter();
        using var observing = factory.Harness.Bus.ConnectConsumeObserver(consumed);
        await factory.Harness.Bus.Publish(accepted, (PublishContext<InterestAccepted> context) => context.MessageId = messageId);
        await factory.Harness.Bus.Publish(accepted, (PublishContext<InterestAccepted> context) => context.MessageId = messageId); // redelivered
        Assert.True(await consumed.WaitForAsync(messageId, times: 2 * NotificationsServiceFactory.ConsumersOf<InterestAccepted>()),
            "both copies should reach the consumers");

        var toProducer = Assert.Single(await InboxAsync(producer));
        Assert.Equal("interest-accepted", toProducer.GetProperty("kind").GetString());
        Assert.Equal("Your interest in \"Museum game\" was accepted: you are partners", toProducer.GetProperty("title").GetString());
        Assert.Equal("Welcome aboard!", toProducer.GetProperty("body").GetString());
        Assert.Equal($"/api/v1/ideas/{ideaId}/interests/{interestId}", toProducer.GetProperty("link").GetString());
    }

    [Fact]
    public async Task An_author_hears_that_a_moderator_hid_their_comment_and_why()
    {
        var author = "author-" + Guid.NewGuid().ToString("N")[..8];
        var ideaId = Guid.NewGuid();

        await factory.DeliverAsync(new ContentHidden(ideaId, "Museum game", "comment", Guid.NewGuid(), author, "Insults another user", DateTimeOffset.UtcNow));

        var toAuthor = Assert.Single(await InboxAsync(author));
        Assert.Equal("content-hidden", toAuthor.GetProperty("kind").GetString());
        Assert.Equal("Your comment on \"Museum game\" was hidden by a moderator", toAuthor.GetProperty("title").GetString());
        Assert.Equal("Insults another user", toAuthor.GetProperty("body").GetString());
        Assert.Equal($"/api/v1/ideas/{ideaId}", toAuthor.GetProperty("link").GetString());
    }

    private async Task<List<JsonElement>> InboxAsync(string person)
    {
        using var response = await factory.ClientAs(person).GetAsync("/api/v1/notifications");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];
    }
}
