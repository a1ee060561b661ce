using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CoCreation.IntegrationEvents;
using MassTransit;
using Microsoft.Data.Sqlite;

namespace CoCreation.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class WalkingJourneyTests(PlatformFixture platform)
{
    private static readonly TimeSpan MessageArrival = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_idea_posted_through_the_gateway_reaches_its_owners_notifications_in_one_trace()
    {
        var owner = "teacher-" + Guid.NewGuid().ToString("N")[..8];
        var traceId = ActivityTraceId.CreateRandom();
        using var post = GatewayCalls.PostIdea(owner, "Playful Swedish vocabulary");
        post.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using var created = await platform.Gateway.SendAsync(post);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var idea = await created.Content.ReadFromJsonAsync<IdeaCreated>();
        Assert.Equal($"/api/v1/ideas/{idea!.Id}", created.Headers.Location?.ToString());

        var inbox = await Eventually.MatchAsync(() => platform.Gateway.NotificationsOf(owner), page => page.Items.Count > 0, MessageArrival);
        var notification = Assert.Single(inbox.Items);
        Assert.Equal("idea-published", notification.Kind);
        Assert.Equal($"/api/v1/ideas/{idea.Id}", notification.Link);
        Assert.Contains("Playful Swedish vocabulary", notification.Title, StringComparison.Ordinal);

        // The trace the client started spans gateway, ideas, RabbitMQ and the consumer.
        Assert.Equal(traceId.ToString(), await ReadAsync<string>("notifications", $"SELECT CausedByTraceId FROM Notifications WHERE Id = '{notification.Id.ToString().ToUpperInvariant()}'"));
        // Partner-matching recorded the idea for matching from the same event.
        var indexed = await Eventually.MatchAsync(
            () => ReadAsync<long>("partner-matching", $"SELECT COUNT(*) FROM MatchableIdeas WHERE IdeaId = '{idea.Id.ToString().ToUpperInvariant()}'"),
            count => count == 1, MessageArrival);
        Assert.Equal(1, indexed);
    }

    [Fact]
    public async Task An_idea_accepted_while_the_broker_is_down_is_delivered_when_it_returns()
    {
        var owner = "librarian-" + Guid.NewGuid().ToString("N")[..8];
        using var http = new HttpClient();
        await platform.StopResourceAsync("messaging");
        try
        {
            // Operators see it: a service that has lost its broker is not ready.
            var unready = await Eventually.MatchAsync(() => HealthOf(http, "ideas"), health => health.Status == HttpStatusCode.ServiceUnavailable, MessageArrival);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.Status);
            Assert.Contains("masstransit-bus", unready.Body, StringComparison.Ordinal);

            using var post = GatewayCalls.PostIdea(owner, "Reading club for the library");
            using var created = await platform.Gateway.SendAsync(post);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Empty((await platform.Gateway.NotificationsOf(owner)).Items);
        }
        finally
        {
            await platform.StartResourceAsync("messaging");
        }

        var inbox = await Eventually.MatchAsync(() => platform.Gateway.NotificationsOf(owner), page => page.Items.Count > 0, TimeSpan.FromSeconds(120));
        Assert.Single(inbox.Items);
        var ready = await Eventually.MatchAsync(() => HealthOf(http, "ideas"), health => health.Status == HttpStatusCode.OK, MessageArrival);
        Assert.Equal(HttpStatusCode.OK, ready.Status);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_creates_one_notification()
    {
        var owner = "museum-educator-" + Guid.NewGuid().ToString("N")[..8];
        var message = new IdeaPublished(Guid.NewGuid(), IdeaKind.Offer, "Museum tours in sign language", "A summary",
            ["culture-and-libraries"], ["museum"], [], "fi", owner, GatewayCalls.SchoolOrganisation, DateTimeOffset.UtcNow);
        var messageId = NewId.NextGuid();

        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(platform.BrokerConnectionString)));
        await bus.StartAsync();
        try
        {
            await bus.Publish(message, context => context.MessageId = messageId);
            await bus.Publish(message, context => context.MessageId = messageId);
        }
        finally
        {
            await bus.StopAsync();
        }

        var handledTwice = await Eventually.MatchAsync(
            // The inbox of the consumer that makes notifications (the webhook consumer keeps its own record of the same message).
            () => ReadAsync<long>("notifications",
                $"SELECT COUNT(*) FROM InboxMessages WHERE MessageId = '{messageId.ToString().ToUpperInvariant()}' AND Consumer = 'IdeaPublishedConsumer'"),
            count => count >= 1, MessageArrival);
        Assert.Equal(1, handledTwice);
        // Give the second copy every chance to be consumed before counting.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single((await platform.Gateway.NotificationsOf(owner)).Items);
    }

    [Fact]
    public async Task Every_service_and_the_gateway_report_ready_with_their_database_and_broker()
    {
        using var http = new HttpClient();
        foreach (var service in PlatformFixture.Services)
        {
            // Another test of the collection may just have restarted the broker: wait for the service to reconnect.
            var (status, health) = await Eventually.MatchAsync(() => HealthOf(http, service), health => health.Status == HttpStatusCode.OK, MessageArrival);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("\"status\":\"Healthy\"", health, StringComparison.Ordinal);
            Assert.Contains("-database", health, StringComparison.Ordinal);
            if (service != "identity") // identity publishes no events yet
            {
                Assert.Contains("masstransit-bus", health, StringComparison.Ordinal);
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await platform.Gateway.GetAsync("/alive")).StatusCode);
    }

    private async Task<(HttpStatusCode Status, string Body)> HealthOf(HttpClient http, string service)
    {
        using var response = await http.GetAsync(new Uri(platform.ServiceUrl(service), "/health"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<T> ReadAsync<T>(string service, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={platform.DatabasePath(service)};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private sealed record IdeaCreated(Guid Id);
}
