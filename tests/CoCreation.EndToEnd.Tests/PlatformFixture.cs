using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoCreation.EndToEnd.Tests;

/// <summary>
/// The real AppHost, started once for the whole test collection with Aspire.Hosting.Testing: real processes, a real
/// RabbitMQ node, real SQLite files in a throw-away data folder, the dashboard, and the gateway as the only door.
/// </summary>
public sealed partial class PlatformFixture : IAsyncLifetime
{
    /// <summary>The services behind the gateway, by resource name.</summary>
    public static IReadOnlyList<string> Services { get; } = ["identity", "ideas", "partner-matching", "projects", "notifications"];

    /// <summary>The development API client the identity service seeds (see docs/api-guide.md).</summary>
    public const string DemoClientId = "demo-partner";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "cocreation-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    // Every resource's log: a start that does not become healthy and a failed test can show what each said.
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _logs = new();
    // What the browser talks to, shown with a failed browser test.
    private static readonly string[] BrowserFacing = ["web", "identity", "gateway"];
    private readonly int _brokerPort = FreePort();

    public DistributedApplication App { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    public Uri GatewayUrl { get; private set; } = null!;

    public string DemoClientSecret { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    public string DemoUserPassword { get; } = "e2e-" + Convert.ToHexString(Guid.NewGuid().ToByteArray());

    /// <summary>The web front end's client secret, which the AppHost gives to both the web and the identity service.</summary>
    public string WebClientSecret { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    public string BrokerConnectionString => $"amqp://guest:guest@localhost:{_brokerPort}";

    public string DatabasePath(string service) => Path.Combine(_dataFolder, service + ".db");

    public Uri ServiceUrl(string service) => App.GetEndpoint(service, "http");

    public async Task InitializeAsync()
    {
        // Without it the broker resource ends at once and every service waits for it until the start times out.
        if (!File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server"))
        {
            throw new InvalidOperationException("RabbitMQ is not installed here: run scripts/prerequisites.sh --tests (test.sh runs it).");
        }
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CoCreation_AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = true },
            [
                "--Platform:Infrastructure=local",
                $"--Platform:DataFolder={_dataFolder}",
                // Fixed ports are not randomised by the testing builder: the run's own broker ports keep it apart from a local run.
                $"--Platform:BrokerPort={_brokerPort}",
                $"--Platform:BrokerDistributionPort={FreePort()}",
                $"--Platform:BrokerEpmdPort={FreePort()}",
                $"--Parameters:demo-client-secret={DemoClientSecret}",
                $"--Parameters:demo-user-password={DemoUserPassword}",
                $"--Parameters:web-client-secret={WebClientSecret}",
            ]);
        foreach (var service in builder.Resources.OfType<ProjectResource>())
        {
            service.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
            {
                // Short retry delays, so the outage test does not wait for the production ceiling.
                context.EnvironmentVariables["Messaging__Outbox__MaxRetryDelay"] = "00:00:02";
                // The tests call through the gateway from one address; its own tests check the limit itself.
                context.EnvironmentVariables["Gateway__RateLimit__PermitLimit"] = "1000000";
            }));
        }
        // Resource logs are kept for the tests that read them; the test output gets only what went wrong.
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error)
            .AddFilter("Aspire.Hosting.Health", LogLevel.Error));

        App = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await App.StartAsync(timeout.Token);
            // Each resource's log once it runs (its instance is named then); watching ends when the application is disposed.
            foreach (var resource in App.Services.GetRequiredService<DistributedApplicationModel>().Resources)
            {
                _ = CollectLogAsync(resource.Name, _logs.GetOrAdd(resource.Name, _ => new()));
            }
            foreach (var resource in Services.Append("messaging").Append("web").Append("gateway"))
            {
                await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"The platform did not become healthy in {StartTimeout.TotalMinutes} minutes. Each resource's state and last log lines:" +
                Environment.NewLine + StartReport());
        }
        GatewayUrl = App.GetEndpoint("gateway", "http");
        Gateway = new HttpClient { BaseAddress = GatewayUrl };
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        try
        {
            // E2E_KEEP_DATA=1 keeps the databases of the run, to look into after a failure.
            if (Environment.GetEnvironmentVariable("E2E_KEEP_DATA") != "1")
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A log still being flushed; the temp folder is cleaned by the system.
        }
    }

    /// <summary>Stops a resource (a service, the broker) as an operator would from the dashboard.</summary>
    public async Task StopResourceAsync(string name)
    {
        var resource = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name);
        await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await App.ResourceNotifications.WaitForResourceAsync(name,
            e => e.Snapshot.State?.Text is { } state && state != KnownResourceStates.Running && state != KnownResourceStates.Stopping, timeout.Token);
    }

    /// <summary>Starts a stopped resource again and waits until it is healthy.</summary>
    public async Task StartResourceAsync(string name)
    {
        var resource = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name);
        await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await App.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
    }

    /// <summary>The web front end's last log lines, for a failed browser test to show what the server saw.</summary>
    public string WebLogTail(int lines = 400) => LogTail("web", lines);

    /// <summary>The last log lines of the web, identity and the gateway, each under its name, for a failed browser test.</summary>
    public string BrowserFacingLogTails(int lines = 40) => string.Join(Environment.NewLine,
        BrowserFacing.Select(resource => $"--- {resource}, last {lines} lines:{Environment.NewLine}{LogTail(resource, lines)}"));

    /// <summary>The last <paramref name="lines"/> lines <paramref name="resource"/> logged: for a failure message that shows what the service did.</summary>
    public string ResourceLogTail(string resource, int lines = 60) => LogTail(resource, lines);

    private string LogTail(string resource, int lines) =>
        _logs.TryGetValue(resource, out var log) ? string.Join(Environment.NewLine, log.TakeLast(lines)) : "(no log)";

    private ConcurrentQueue<string> NotificationsLog => _logs.GetOrAdd("notifications", _ => new());

    /// <summary>Each resource's state and health now, with its last log lines.</summary>
    private string StartReport() => string.Join(Environment.NewLine,
        App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Select(resource =>
        {
            var state = App.ResourceNotifications.TryGetCurrentState(resource.Name, out var current)
                ? $"{current.Snapshot.State?.Text ?? "no state"}, health {current.Snapshot.HealthStatus?.ToString() ?? "unknown"}"
                : "never reported";
            return $"--- {resource.Name}: {state}{Environment.NewLine}{LogTail(resource.Name, 15)}";
        }));

    /// <summary>The confirmation links the notifications service has logged for <paramref name="email"/> so far, oldest first.</summary>
    public IReadOnlyList<string> MailedLinksTo(string email) =>
        [.. NotificationsLog.Select(line => MailedLink().Match(line)).Where(m => m.Success && m.Groups["to"].Value == email).Select(m => m.Groups["link"].Value)];

    /// <summary>The confirmation link the notifications service logged for <paramref name="email"/> (bounded wait).</summary>
    public async Task<string> WaitForMailedLinkAsync(string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var match = NotificationsLog.Select(line => MailedLink().Match(line)).LastOrDefault(m => m.Success && m.Groups["to"].Value == email);
            if (match is not null)
            {
                return match.Groups["link"].Value;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No confirmation mail to {email} in the notifications service's log within 30 s. " +
            $"Its last lines:{Environment.NewLine}{string.Join(Environment.NewLine, NotificationsLog.TakeLast(15))}");
    }

    private async Task CollectLogAsync(string resource, ConcurrentQueue<string> lines)
    {
        var logs = App.Services.GetRequiredService<ResourceLoggerService>();
        // Logs are kept per running instance (notifications-abcd1234); the resource itself finds its instance.
        var model = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resource);
        await foreach (var batch in logs.WatchAsync(model))
        {
            foreach (var line in batch)
            {
                lines.Enqueue(line.Content);
            }
        }
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
                return value; // the caller's assertion says what was missing
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
