using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CoCreation.LocalRun;

namespace CoCreation.EndToEnd.Tests;

/// <summary>One running platform for the whole test collection, on free ports and a throw-away data folder.</summary>
public sealed partial class PlatformFixture : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "cocreation-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    public LocalTopology Topology { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Topology = await LocalTopology.StartAsync(new TopologyOptions
        {
            DataFolder = _dataFolder,
            GatewayPort = FreePort(),
            ServicePorts = LocalTopology.Services.ToDictionary(s => s.Name, _ => FreePort()),
            BrokerPorts = new BrokerPorts(FreePort(), FreePort(), FreePort()),
            // Short retry delays, so the outage test does not wait for the production ceiling.
            ExtraEnvironment = new Dictionary<string, string>
            {
                ["Messaging__Outbox__MaxRetryDelay"] = "00:00:02",
                // The tests poll through the gateway from one address; its own tests check the limit itself.
                ["Gateway__RateLimit__PermitLimit"] = "1000000",
            },
        });
        Gateway = new HttpClient { BaseAddress = Topology.GatewayUrl };
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        await Topology.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A log still being flushed; the temp folder is cleaned by the system.
        }
    }

    /// <summary>The confirmation link the notifications service logged for <paramref name="email"/> (bounded wait).</summary>
    public async Task<string> WaitForMailedLinkAsync(string email)
    {
        var log = Path.Combine(Topology.LogFolder, "notifications.log");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(log))
            {
                await using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                var text = await new StreamReader(stream).ReadToEndAsync();
                var match = MailedLink().Matches(text).LastOrDefault(m => m.Groups["to"].Value == email);
                if (match is not null)
                {
                    return match.Groups["link"].Value;
                }
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No confirmation mail to {email} in {log} within 30 s.");
    }

    [GeneratedRegex(@"Development mail to (?<to>\S+): Confirm your email address: (?<link>\S+)")]
    private static partial Regex MailedLink();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}

/// <summary>Waits for something that happens asynchronously (a message crossing the broker), up to a generous bound.</summary>
public static class Eventually
{
    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(200);
        }
    }
}

public sealed record NotificationPage(List<NotificationItem> Items);

public sealed record NotificationItem(Guid Id, string Kind, string Title, string Link, DateTime CreatedAt);

public static class GatewayCalls
{
    public static readonly Guid SchoolOrganisation = Guid.Parse("5c0a7e10-0000-4000-8000-000000000001");

    public static HttpRequestMessage AsPerson(this HttpRequestMessage request, string personId, Guid? organisationId = null)
    {
        request.Headers.Add("X-Dev-Person-Id", personId);
        if (organisationId is { } organisation)
        {
            request.Headers.Add("X-Dev-Organisation-Id", organisation.ToString());
        }
        return request;
    }

    public static HttpRequestMessage PostIdea(string personId, string title) =>
        new HttpRequestMessage(HttpMethod.Post, "/api/v1/ideas")
        {
            Content = JsonContent.Create(new
            {
                kind = "need",
                title,
                summary = "Pupils in grades 3-4 need a playful way to practise Swedish vocabulary.",
                themes = new[] { "learning-and-teaching" },
                environments = new[] { "school" },
                soughtCompetences = new[] { "game design", "language learning" },
                language = "en",
            }),
        }.AsPerson(personId, SchoolOrganisation);

    public static async Task<NotificationPage> NotificationsOf(this HttpClient gateway, string personId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notifications").AsPerson(personId);
        using var response = await gateway.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<NotificationPage>())!;
    }
}
