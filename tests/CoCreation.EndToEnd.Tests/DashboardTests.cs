using System.Diagnostics;
using System.Net;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests;

/// <summary>
/// The operators' window, opened as an operator opens it: Debian's Chromium, driven by Playwright. A platform of its
/// own, so that what the dashboard shows is not what the other tests' outages and restarts left behind.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(PlatformFixture platform)
{
    private static readonly string[] Resources = ["messaging", "identity", "ideas", "partner-matching", "projects", "notifications", "web", "gateway"];

    [Fact]
    public async Task The_dashboard_lists_every_resource_running_and_healthy()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });

        // The login link carries the browser token; the dashboard then shows its resources page.
        await page.GotoAsync((await platform.App.GetDashboardUrlAsync()).ToString());
        foreach (var resource in Resources)
        {
            var row = page.Locator("fluent-data-grid-row, [role=row]").Filter(new LocatorFilterOptions { HasText = resource });
            await Assertions.Expect(row.First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });
        }
        var main = page.Locator("main").First;
        await Assertions.Expect(main).Not.ToContainTextAsync("Unhealthy", new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        await Assertions.Expect(main).Not.ToContainTextAsync("Exited");
        var runningRows = await page.Locator("[role=row]").Filter(new LocatorFilterOptions { HasText = "Running" }).CountAsync();
        Assert.True(runningRows >= Resources.Length, $"Expected every resource Running, found {runningRows} rows saying so.");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("dashboard-resources.png") });
    }

    [Fact]
    public async Task A_journey_through_the_gateway_is_one_trace_in_the_dashboard_across_the_services_and_the_broker()
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var post = GatewayCalls.PostIdea("teacher-" + Guid.NewGuid().ToString("N")[..8], "Traced Swedish vocabulary game");
        post.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var created = await platform.Gateway.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await using var browser = await Chromium.LaunchAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync((await platform.App.GetDashboardUrlAsync()).ToString());

        // The trace's page names every service its spans came from; telemetry arrives within seconds, so reload until then.
        var dashboard = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        string[] expected = ["gateway", "ideas", "partner-matching", "notifications"];
        var text = "";
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            await page.GotoAsync($"{dashboard}/traces/detail/{traceId}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            text = await page.Locator("main").First.InnerTextAsync();
            if (expected.All(service => text.Contains(service, StringComparison.Ordinal)))
            {
                break;
            }
            await Task.Delay(2000);
        }
        Assert.All(expected, service => Assert.Contains(service, text, StringComparison.Ordinal));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("dashboard-trace.png") });
    }

    /// <summary>Screenshots land beside the test results, for the README and for whoever reads a failure.</summary>
    private static string ScreenshotPath(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name);
}

/// <summary>Debian's Chromium (scripts/prerequisites.sh --tests installs it), headless, with nothing reaching out.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<ChromiumBrowser> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new FileNotFoundException($"{ExecutablePath} is missing: run scripts/prerequisites.sh --tests (it installs Debian's chromium).");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
        return new ChromiumBrowser(playwright, browser);
    }
}

/// <summary>A browser that also closes its Playwright driver when disposed.</summary>
public sealed class ChromiumBrowser(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
{
    public Task<IPage> NewPageAsync(BrowserNewPageOptions options) => browser.NewPageAsync(options);

    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options) => browser.NewContextAsync(options);

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        playwright.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "dashboard";
}
