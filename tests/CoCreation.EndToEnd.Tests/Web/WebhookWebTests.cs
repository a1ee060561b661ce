using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>An organisation subscribes its system to events in the browser, tests it, reads the delivery log, and ends it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class WebhookWebTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_subscription_is_made_tested_against_a_real_receiver_read_in_the_log_and_ended()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var browser = await Chromium.LaunchAsync();
        await using var admin = await WebSession.SignedInAsync(browser, platform, "partner-admin@cocreation.test");
        var page = admin.Page;

        await admin.GotoAsync("/me/organisation/webhooks");
        await page.Locator("#webhook-url").FillAsync(receiver.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe", Exact = true }).ClickAsync();
        Assert.Equal("Choose at least one event.", await page.Locator("#events-errors").InnerTextAsync());
        await page.Locator("#event-interest-expressed").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".secret-panel")).ToContainTextAsync("it is shown only this once");
        var secret = await page.Locator("#webhook-secret-value").InputValueAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = $"Deliveries: {receiver.Url}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a test message" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("A test message is on its way");
        var deliveries = new Uri(page.Url).AbsolutePath;
        await admin.ReloadUntilAsync(deliveries, "Delivered");
        // The receiver can check it with the secret it was shown once: HMAC-SHA256 of "{id}.{timestamp}.{body}".
        var ping = Assert.Single(receiver.Requests);
        Assert.Contains("\"ping\"", ping.Body, StringComparison.Ordinal);
        var mac = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret),
            System.Text.Encoding.UTF8.GetBytes($"{ping.Id}.{ping.Timestamp}.{ping.Body}"));
        Assert.Equal("v1=" + Convert.ToHexStringLower(mac), ping.Signature);

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the webhooks" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"End: {receiver.Url}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, end it" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The webhook is ended.");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = $"End: {receiver.Url}" }).CountAsync());
    }

    /// <summary>A webhook receiver on loopback that answers 200 and keeps what it was sent.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _serving;

        private Receiver(int port)
        {
            Url = $"http://127.0.0.1:{port}/hooks/cocreation";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _serving = ServeAsync();
        }

        public string Url { get; }

        public ConcurrentQueue<(string Id, string Timestamp, string Signature, string Body)> Requests { get; } = new();

        public static Task<Receiver> StartAsync()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return Task.FromResult(new Receiver(port));
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception stopped) when (stopped is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var reader = new StreamReader(context.Request.InputStream);
                var headers = context.Request.Headers;
                Requests.Enqueue((headers["CoCreation-Webhook-Id"] ?? "", headers["CoCreation-Webhook-Timestamp"] ?? "", headers["CoCreation-Signature"] ?? "",
                    await reader.ReadToEndAsync()));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            await _serving;
            _listener.Close();
        }
    }
}
