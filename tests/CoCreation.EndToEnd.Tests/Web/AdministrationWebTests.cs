using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>Administrators give platform roles and say which organisations are the city's units, in the browser.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AdministrationWebTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_administrator_makes_a_person_a_moderator_and_their_organisation_a_city_unit()
    {
        var email = await NewPeople.RegisterConfirmedAsync(platform, "Kaisa Kirjasto");
        await using var browser = await Chromium.LaunchAsync();
        await using var person = await WebSession.OpenAsync(browser, platform);
        await person.SignInAsync(email, NewPeople.Password);
        await person.Page.Locator("#organisation-name").FillAsync("Kirjasto Sello");
        await person.Page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await person.ArriveAtAsync(url => url.AbsolutePath == "/me", "/me after registering the organisation");

        await using var admin = await WebSession.SignedInAsync(browser, platform, "admin@cocreation.test");
        var page = admin.Page;
        await admin.GotoAsync("/");
        await page.Locator(".main-nav").GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        await page.Locator("#admin-email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        Assert.Equal("Kaisa Kirjasto", await page.Locator("#person-heading").InnerTextAsync());
        await page.Locator("#role-moderator").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the roles" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The roles are saved.");
        Assert.True(await page.Locator("#role-moderator").IsCheckedAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as a city unit: Kirjasto Sello" }).ClickAsync();
        await Assertions.Expect(page.Locator(".link-list")).ToContainTextAsync("Kirjasto Sello · administrator · a city unit");

        // The person's next token carries both (signing in again is a round trip: the identity session is still there).
        await person.Page.GotoAsync("/signin?returnUrl=%2Fme");
        await person.ArriveAtAsync(url => url.AbsolutePath == "/me", "/me after signing in again");
        Assert.Contains("Kirjasto Sello · administrator · city unit", await person.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await person.GotoAsync("/moderation");
        Assert.Equal("Reports", await person.Page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task An_unknown_address_is_said_at_the_field_and_a_non_administrator_gets_the_403_page()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var admin = await WebSession.SignedInAsync(browser, platform, "admin@cocreation.test");
        await admin.GotoAsync("/admin?email=nobody-at-all%40example.org");
        Assert.Equal("No account has this address.", await admin.Page.Locator("#admin-email-errors").InnerTextAsync());

        await using var moderator = await WebSession.SignedInAsync(browser, platform, "moderator@cocreation.test");
        await moderator.GotoAsync("/admin", status: 403);
        Assert.Equal(0, await moderator.Page.Locator(".main-nav").GetByRole(AriaRole.Link, new() { Name = "Administration" }).CountAsync());
    }
}
