using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>A newcomer in the browser: register, confirm the address from the mail, sign in, register an organisation and act for it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AccountJourneyTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_newcomer_registers_confirms_signs_in_and_acts_for_the_organisation_they_register()
    {
        var email = $"newcomer-{Guid.NewGuid():N}@association.example";
        const string password = "a calm and long passphrase";
        await using var browser = await Chromium.LaunchAsync();
        await using var person = await WebSession.OpenAsync(browser, platform);
        var page = person.Page;

        // A mistake first: the form keeps what was typed and says what is wrong at the field.
        await person.GotoAsync("/register");
        await page.Locator("#register-displayName").FillAsync("Noora Newcomer");
        await page.Locator("#register-email").FillAsync(email);
        await page.Locator("#register-password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();
        Assert.Equal("The password needs at least 12 characters.", await page.Locator("#password-errors").InnerTextAsync());
        Assert.Equal("password-hint password-errors", await page.Locator("#register-password").GetAttributeAsync("aria-describedby"));
        Assert.Equal(email, await page.Locator("#register-email").InputValueAsync());

        await page.Locator("#register-password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(email);

        await person.GotoAsync(new Uri(await platform.WaitForMailedLinkAsync(email)).PathAndQuery);
        Assert.Equal("Email address confirmed", await page.Locator("h1").InnerTextAsync());

        await person.SignInAsync(email, password);
        Assert.Contains("You are not a member of any organisation.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#organisation-name").FillAsync("Reading Friends ry");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await person.ArriveAtAsync(url => url.AbsolutePath == "/me", "/me after registering the organisation");
        Assert.Contains("You are acting for: Reading Friends ry", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Reading Friends ry · administrator", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_whose_confirmation_mail_did_not_come_asks_for_it_again_and_confirms_with_the_new_link()
    {
        var email = $"late-{Guid.NewGuid().ToString("N")[..8]}@example.org";
        using (var registered = await platform.Gateway.PostAsJsonAsync("/api/v1/accounts", new { email, displayName = "Lauri Late", password = NewPeople.Password }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }
        await platform.WaitForMailedLinkAsync(email);
        await using var browser = await Chromium.LaunchAsync();
        await using var person = await WebSession.OpenAsync(browser, platform);
        var page = person.Page;

        await person.GotoAsync("/register");
        await page.GetByRole(AriaRole.Link, new() { Name = "No confirmation mail? Send it again" }).ClickAsync();
        await page.Locator("#resend-email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("a new link is on its way");

        var links = await Eventually.MatchAsync(() => Task.FromResult(platform.MailedLinksTo(email)), mailed => mailed.Count == 2, TimeSpan.FromSeconds(30));
        Assert.Equal(2, links.Count);
        await person.GotoAsync(new Uri(links[1]).PathAndQuery);
        Assert.Equal("Email address confirmed", await page.Locator("h1").InnerTextAsync());
    }
}
