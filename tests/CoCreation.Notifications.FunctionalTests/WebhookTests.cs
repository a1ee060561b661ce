using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntegrationEvents;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Notifications.Model;
using CoCreation.Notifications.Webhooks;
using CoCreation.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Notifications.FunctionalTests;

/// <summary>The notifications service with quick webhook retries, so a test sees a failed delivery retried within a second.</summary>
public sealed class WebhooksServiceFactory() : SqliteServiceFactory<Program>("notificationsdb")
{
    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Webhooks:PollInterval", "00:00:00.100"), new("Webhooks:FirstRetryDelay", "00:00:00.200"), new("Webhooks:MaxAttempts", "3")];
}

/// <summary>A partner's webhook receiver: a real HTTP server on a free port that records what it is sent, and can fail first.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    public sealed record Received(string Id, long Timestamp, string Signature, string Body);

    public ConcurrentQueue<Received> Requests { get; } = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/hooks";

    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app) { _failuresLeft = failFirst };
        app.MapPost("/hooks", async (HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            receiver.Requests.Enqueue(new Received(http.Request.Headers[WebhookSignature.IdHeader].ToString(),
                long.Parse(http.Request.Headers[WebhookSignature.TimestampHeader].ToString(), System.Globalization.CultureInfo.InvariantCulture),
                http.Request.Headers[WebhookSignature.SignatureHeader].ToString(), body));
            return Interlocked.Decrement(ref receiver._failuresLeft) >= 0 ? Results.StatusCode(500) : Results.NoContent();
        });
        await app.StartAsync();
        return receiver;
    }

    public async Task<List<Received>> WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Requests.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        return [.. Requests];
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed class WebhookTests(WebhooksServiceFactory factory) : IClassFixture<WebhooksServiceFactory>
{
    private static async Task<JsonElement> SubscribeAsync(HttpClient client, string url, params string[] events)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/webhooks", new { url, events });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {body}");
        return body;
    }

    private Task PublishAsync<T>(T message, Guid messageId)
        where T : class => factory.Harness.Bus.Publish(message, (PublishContext<T> c) => c.MessageId = messageId);

    [Fact]
    public async Task An_interest_reaches_the_owner_organisations_receiver_once_signed_with_its_secret_and_without_peoples_ids()
    {
        var owner = Guid.NewGuid();
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await SubscribeAsync(factory.ClientAs("owner-admin", owner), receiver.Url, "interest.expressed");
        var secret = subscription.GetProperty("secret").GetString()!;
        var interest = new InterestExpressed(Guid.NewGuid(), Guid.NewGuid(), "Reading buddies", "owner-person-id", owner, Guid.NewGuid(), "Library", "We can help", DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();

        await PublishAsync(interest, messageId);
        await PublishAsync(interest, messageId);
        // Another organisation's interest in someone else's idea is not this receiver's business.
        await PublishAsync(interest with { IdeaOwnerOrganisationId = Guid.NewGuid(), InterestId = Guid.NewGuid() }, Guid.NewGuid());

        var received = Assert.Single(await receiver.WaitForAsync(1));
        await Task.Delay(500); // a duplicate would have arrived by now
        Assert.Single(receiver.Requests);
        Assert.True(WebhookSignature.Verify(secret, Guid.Parse(received.Id), received.Timestamp, received.Body, received.Signature, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_wrong", Guid.Parse(received.Id), received.Timestamp, received.Body, received.Signature, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        var payload = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal("interest.expressed", payload.GetProperty("type").GetString());
        Assert.Equal(messageId, payload.GetProperty("id").GetGuid());
        Assert.Equal(interest.InterestId, payload.GetProperty("data").GetProperty("interestId").GetGuid());
        Assert.DoesNotContain("owner-person-id", received.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_accepted_organisation_hears_of_its_acceptance_and_a_projects_completion_reaches_its_organisations_only()
    {
        var (company, school, stranger) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using var companyReceiver = await WebhookReceiver.StartAsync();
        await using var strangerReceiver = await WebhookReceiver.StartAsync();
        await SubscribeAsync(factory.ClientAs("company-admin", company), companyReceiver.Url, "interest.accepted", "project.completed");
        await SubscribeAsync(factory.ClientAs("stranger-admin", stranger), strangerReceiver.Url, "interest.accepted", "project.completed");
        var ideaId = Guid.NewGuid();
        var projectId = Guid.NewGuid();

        await PublishAsync(new InterestAccepted(Guid.NewGuid(), ideaId, "Museum game", company, "company-person-id", "Welcome!", DateTimeOffset.UtcNow), Guid.NewGuid());
        await PublishAsync(new ProjectCompleted(projectId, ideaId, school, [company], DateTimeOffset.UtcNow), Guid.NewGuid());

        var received = await companyReceiver.WaitForAsync(2);
        var types = received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()).Order();
        Assert.Equal(["interest.accepted", "project.completed"], types);
        var completed = received.Select(r => JsonDocument.Parse(r.Body).RootElement).Single(p => p.GetProperty("type").GetString() == "project.completed");
        Assert.Equal($"/api/v1/projects/{projectId}/reference", completed.GetProperty("data").GetProperty("link").GetString());
        Assert.DoesNotContain(received, r => r.Body.Contains("company-person-id", StringComparison.Ordinal));
        await Task.Delay(500); // the stranger's deliveries would have arrived by now
        Assert.Empty(strangerReceiver.Requests);
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_until_it_answers_and_the_deliveries_show_each_outcome()
    {
        var organisation = Guid.NewGuid();
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        var client = factory.ClientAs("integrator", organisation);
        var subscription = await SubscribeAsync(client, receiver.Url, "idea.published");

        using (var ping = await client.PostAsync($"/api/v1/webhooks/{subscription.GetProperty("id").GetGuid()}/ping", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, ping.StatusCode);
        }

        var attempts = await receiver.WaitForAsync(3);
        Assert.Equal(3, attempts.Count);
        Assert.Single(attempts.Select(a => a.Id).Distinct()); // the same delivery, retried
        var deliveries = await WaitForDeliveredAsync(client, subscription.GetProperty("id").GetGuid());
        var delivery = Assert.Single(deliveries);
        Assert.True(delivery.GetProperty("attempts").GetInt32() == 3, delivery.ToString());
        Assert.Equal(204, delivery.GetProperty("lastStatusCode").GetInt32());
    }

    [Fact]
    public async Task Bad_subscriptions_are_problems_naming_the_field_and_store_nothing()
    {
        var organisation = Guid.NewGuid();
        var client = factory.ClientAs("integrator", organisation);

        using var unknownEvent = await client.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://partner.example/hooks", events = new[] { "everything.happened" } });
        using var noUrl = await client.PostAsJsonAsync("/api/v1/webhooks", new { url = "not a url", events = new[] { "idea.published" } });
        using var noOrganisation = await factory.ClientAs("resident").PostAsJsonAsync("/api/v1/webhooks", new { url = "https://partner.example/hooks", events = new[] { "idea.published" } });

        await AssertProblemAsync(unknownEvent, HttpStatusCode.BadRequest, "events");
        await AssertProblemAsync(noUrl, HttpStatusCode.BadRequest, "url");
        await AssertProblemAsync(noOrganisation, HttpStatusCode.Forbidden);
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/webhooks");
        Assert.Equal(0, listed.GetArrayLength());
    }

    [Fact]
    public async Task Another_organisation_neither_sees_nor_ends_a_subscription_and_the_secret_is_never_shown_again()
    {
        var organisation = Guid.NewGuid();
        var client = factory.ClientAs("integrator", organisation);
        var subscription = await SubscribeAsync(client, "https://partner.example/hooks", "idea.published");
        var id = subscription.GetProperty("id").GetGuid();
        var stranger = factory.ClientAs("stranger", Guid.NewGuid());

        await AssertProblemAsync(await stranger.DeleteAsync($"/api/v1/webhooks/{id}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await stranger.GetAsync($"/api/v1/webhooks/{id}/deliveries"), HttpStatusCode.NotFound);
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/webhooks");
        Assert.False(Assert.Single(listed.EnumerateArray()).TryGetProperty("secret", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode);
    }

    private static async Task<List<JsonElement>> WaitForDeliveredAsync(HttpClient client, Guid subscription)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var deliveries = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{subscription}/deliveries")).EnumerateArray().ToList();
            if (deliveries.All(d => d.GetProperty("deliveredAt").ValueKind == JsonValueKind.String) || DateTime.UtcNow > deadline)
            {
                return deliveries;
            }
            await Task.Delay(100);
        }
    }
}

/// <summary>The notifications service with webhooks as outside Development: https to public hosts only.</summary>
public sealed class StrictWebhooksServiceFactory() : SqliteServiceFactory<Program>("notificationsdb")
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Webhooks:AllowInsecureUrls", "false"), new("Webhooks:PollInterval", "00:00:00.100"), new("Webhooks:MaxAttempts", "1")];
}

public sealed class StrictWebhookTests(StrictWebhooksServiceFactory factory) : IClassFixture<StrictWebhooksServiceFactory>
{
    [Theory]
    [InlineData("http://partner.example/hooks")]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://10.1.2.3/hooks")]
    [InlineData("https://localhost/hooks")]
    [InlineData("https://[::]/hooks")]
    [InlineData("https://[::1]/hooks")]
    [InlineData("https://[::ffff:127.0.0.1]/hooks")]
    [InlineData("https://0.0.0.0/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://224.0.0.1/hooks")]
    public async Task A_receiver_that_is_not_https_on_a_public_host_is_refused(string url)
    {
        using var response = await factory.ClientAs("integrator", Guid.NewGuid()).PostAsJsonAsync("/api/v1/webhooks", new { url, events = new[] { "idea.published" } });
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "url");
    }

    [Fact]
    public async Task A_public_name_that_resolves_to_a_private_address_is_refused_when_connecting()
    {
        var organisation = Guid.NewGuid();
        var subscription = WebhookSubscription.Create(organisation, "https://localhost:8443/hooks", ["idea.published"], "integrator", DateTime.UtcNow);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            db.WebhookSubscriptions.Add(subscription); // as if the name had pointed elsewhere when it was subscribed
            await db.SaveChangesAsync();
        }
        using (var ping = await factory.ClientAs("integrator", organisation).PostAsync($"/api/v1/webhooks/{subscription.Id}/ping", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, ping.StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(15);
        JsonElement delivery;
        do
        {
            await Task.Delay(100);
            delivery = (await factory.ClientAs("integrator", organisation).GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{subscription.Id}/deliveries"))[0];
        }
        while (delivery.GetProperty("attempts").GetInt32() == 0 && DateTime.UtcNow < deadline);

        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("deliveredAt").ValueKind);
        Assert.Contains("private network", delivery.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }
}
