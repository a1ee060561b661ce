using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>
/// A person at the web front end in their own browser context (their own cookies), reached through the gateway as
/// people reach it. Signing in goes through the identity service's page, as a person does it.
/// </summary>
public sealed class WebSession(IBrowserContext context, IPage page, PlatformFixture platform) : IAsyncDisposable
{
    public IPage Page => page;

    public Uri Gateway => platform.GatewayUrl;

    public static async Task<WebSession> OpenAsync(ChromiumBrowser browser, PlatformFixture platform, string locale = "en-GB", bool bypassContentSecurityPolicy = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BypassCSP = bypassContentSecurityPolicy,
            BaseURL = platform.GatewayUrl.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        return new WebSession(context, await context.NewPageAsync(), platform);
    }

    /// <summary>A person who signs in on the identity service's page and comes back to the web.</summary>
    public static async Task<WebSession> SignedInAsync(ChromiumBrowser browser, PlatformFixture platform, string email, string locale = "en-GB")
    {
        var session = await OpenAsync(browser, platform, locale);
        await session.SignInAsync(email, platform.DemoUserPassword);
        return session;
    }

    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync("/signin?returnUrl=/me");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        await ArriveAtAsync(url => url.AbsolutePath == "/me", $"/me after signing in as {email}");
    }

    /// <summary>
    /// Waits until a link or a form has brought the browser where <paramref name="arrived"/> says (its document read,
    /// not every stylesheet fetched); fails naming where it stopped, what the page said and what the servers logged.
    /// </summary>
    public async Task ArriveAtAsync(Func<Uri, bool> arrived, string where)
    {
        try
        {
            await page.WaitForURLAsync(url => arrived(new Uri(url)), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException)
        {
            // Seen in CI: the navigation ended as the wait began, and the wait missed its event. The page itself says
            // whether it is where it should be with its document read, which is what this waits for.
            if (await HasArrivedAsync(arrived))
            {
                return;
            }
            string shown;
            try
            {
                shown = await page.Locator("body").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 2_000 });
            }
            catch (Exception unreadable) when (unreadable is PlaywrightException or TimeoutException)
            {
                shown = $"(nothing readable: {unreadable.Message})";
            }
            Assert.Fail($"The browser did not reach {where}; it stopped at {page.Url}, showing:{Environment.NewLine}{shown}" +
                $"{Environment.NewLine}{platform.BrowserFacingLogTails()}");
        }
    }

    private async Task<bool> HasArrivedAsync(Func<Uri, bool> arrived) =>
        arrived(new Uri(page.Url)) && await page.EvaluateAsync<string>("() => document.readyState") is "interactive" or "complete";

    /// <summary>Opens a page and checks it answered with <paramref name="status"/>: an error page is never mistaken for the page.</summary>
    public async Task<IResponse> GotoAsync(string path, int status = 200)
    {
        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException($"{path} gave no response.");
        Assert.True(response.Status == status, $"{path}: {response.Status}, expected {status}. {await page.Locator("main").InnerTextAsync()}");
        return response;
    }

    /// <summary>
    /// Reloads <paramref name="path"/> until <paramref name="text"/> appears, for what arrives over the broker (the
    /// fixture's bounded <see cref="Eventually"/> wait); fails with what the page said when it never does.
    /// </summary>
    public async Task ReloadUntilAsync(string path, string text)
    {
        var content = await Eventually.MatchAsync(async () =>
        {
            await GotoAsync(path);
            return await page.Locator("main").InnerTextAsync();
        }, shown => shown.Contains(text, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Contains(text, content, StringComparison.Ordinal);
    }

    /// <summary>A screenshot for the README and for anyone reading a failed run: bin/.../screenshots/web-NAME.png.</summary>
    public Task ScreenshotAsync(string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"web-{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
