using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>What people meet when something is not as expected: an ended session, a missing page, another organisation's page.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SessionAndErrorTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_form_sent_after_the_session_ended_goes_through_sign_in_and_comes_back_filled_in()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var school = await WebSession.SignedInAsync(browser, platform, "school@cocreation.test");
        var page = school.Page;
        await school.GotoAsync("/ideas/new");
        await page.Locator("#kind-offer").CheckAsync();
        await page.Locator("#idea-title").FillAsync("Typed before the session ended");
        await page.Locator("#idea-summary").FillAsync("Nothing typed is lost.");
        await page.Locator("#Draft-Themes-learning-and-teaching").CheckAsync();

        // The web's session ends (as after a restart, or a refused refresh); the identity service still knows the person.
        await page.Context.ClearCookiesAsync(new() { Name = "cocreation.session" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the idea" }).ClickAsync();

        await school.ArriveAtAsync(url => url.AbsolutePath == "/ideas/new", "the idea form, back from signing in");
        Assert.Equal("Typed before the session ended", await page.Locator("#idea-title").InputValueAsync());
        Assert.Equal("Nothing typed is lost.", await page.Locator("#idea-summary").InputValueAsync());
        Assert.True(await page.Locator("#kind-offer").IsCheckedAsync());
        Assert.True(await page.Locator("#Draft-Themes-learning-and-teaching").IsCheckedAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the idea" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The idea is published.");
    }

    [Fact]
    public async Task A_missing_page_is_a_404_and_another_organisations_edit_page_a_403_each_in_the_persons_language()
    {
        var content = await DemoContent.EnsureAsync(platform);
        await using var browser = await Chromium.LaunchAsync();
        await using var visitor = await WebSession.OpenAsync(browser, platform, locale: "fi-FI");
        await visitor.GotoAsync($"/ideas/{Guid.NewGuid()}", status: 404);
        Assert.Equal("Sivua ei löytynyt", await visitor.Page.Locator("h1").InnerTextAsync());
        await visitor.GotoAsync("/no/such/page", status: 404);
        Assert.Equal("Sivua ei löytynyt", await visitor.Page.Locator("h1").InnerTextAsync());

        await using var company = await WebSession.SignedInAsync(browser, platform, "partner-admin@cocreation.test", locale: "sv-FI");
        await company.GotoAsync($"/ideas/{content.IdeaId}/edit", status: 403);
        Assert.Equal("Du kan inte se det här", await company.Page.Locator("h1").InnerTextAsync());
        Assert.DoesNotContain("Exception", await company.Page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_identity_service_restarts_a_session_goes_on_and_signing_in_works_at_once()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var school = await WebSession.SignedInAsync(browser, platform, "school@cocreation.test");
        await platform.StopResourceAsync("identity");
        await platform.StartResourceAsync("identity");

        // The same keys sign and check tokens after the restart: the web's token is still accepted by the identity
        // service (/me) and by the other services (notifications).
        await school.GotoAsync("/me");
        Assert.Contains("You are acting for:", await school.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await school.GotoAsync("/notifications");
        Assert.Equal("Notifications", await school.Page.Locator("h1").InnerTextAsync());

        // A new sign-in comes straight back, with no "sign-in did not finish" page while keys are fetched again.
        await using var company = await WebSession.SignedInAsync(browser, platform, "partner-admin@cocreation.test");
        Assert.Contains("You are acting for:", await company.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_is_down_is_a_503_page_that_says_to_try_again_and_the_page_returns_with_it()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var visitor = await WebSession.OpenAsync(browser, platform);
        await platform.StopResourceAsync("ideas");
        try
        {
            await visitor.GotoAsync("/ideas", status: 503);
            Assert.Equal("The service is unavailable for a moment", await visitor.Page.Locator("h1").InnerTextAsync());
            Assert.DoesNotContain("Exception", await visitor.Page.ContentAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await platform.StartResourceAsync("ideas");
        }
        await visitor.GotoAsync("/ideas");
        Assert.Equal("Ideas", await visitor.Page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task Signing_out_ends_the_identity_session_too()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var school = await WebSession.SignedInAsync(browser, platform, "school@cocreation.test");
        var page = school.Page;
        // Another site's page cannot sign a person out: a POST without the form's anti-forgery token, even with no body, is refused.
        var forged = await page.Context.APIRequest.PostAsync("/signout", new() { MaxRedirects = 0 });
        Assert.True(forged.Status == 400, $"{forged.Status}: {await forged.TextAsync()}{Environment.NewLine}{platform.BrowserFacingLogTails(30)}");
        await school.GotoAsync("/me");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await school.ArriveAtAsync(url => url.AbsolutePath == "/", "the home page after signing out");
        await Assertions.Expect(page.Locator(".account-menu").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        // Signing in again asks for the password: the identity service forgot the person too.
        await page.GotoAsync("/signin?returnUrl=/me");
        await Assertions.Expect(page.Locator("#password")).ToBeVisibleAsync();
        Assert.StartsWith("/account/login", new Uri(page.Url).PathAndQuery, StringComparison.Ordinal);
    }
}
