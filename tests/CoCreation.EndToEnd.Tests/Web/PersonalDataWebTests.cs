using System.Text.Json;
using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>A person's rights over their data, in the browser: download everything, then erase the account.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PersonalDataWebTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_person_downloads_their_data_and_erases_their_account_with_the_password_given_again()
    {
        var email = await NewPeople.RegisterConfirmedAsync(platform, "Erja Eraser");
        await using var browser = await Chromium.LaunchAsync();
        await using var person = await WebSession.OpenAsync(browser, platform);
        var page = person.Page;
        await person.SignInAsync(email, NewPeople.Password);

        // Every service answers the export by an event; the page says what it still waits for until all have.
        await page.GetByRole(AriaRole.Link, new() { Name = "Your data" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gather my data" }).ClickAsync();
        await person.ArriveAtAsync(url => url.AbsolutePath == "/me/data" && url.Query.Contains("export=", StringComparison.Ordinal), "the export's page");
        var exportPage = new Uri(page.Url).PathAndQuery.Replace("&done=export-requested", "", StringComparison.Ordinal);
        await person.ReloadUntilAsync(exportPage, "is ready");
        await person.ScreenshotAsync("personal-data");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the file" }).ClickAsync());
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync()));
        Assert.True(document.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(email, document.RootElement.GetProperty("data").GetProperty("identity").GetProperty("account").GetProperty("email").GetString());

        // Erasure asks for the password and for a tick; a wrong password is said at its field, and nothing is erased.
        await person.GotoAsync("/me/erase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase my account" }).ClickAsync();
        Assert.Equal("Give your password again.", await page.Locator("#password-errors").InnerTextAsync());
        Assert.Equal("Tick the box to say you understand.", await page.Locator("#understood-errors").InnerTextAsync());
        await page.Locator("#erase-password").FillAsync("not-the-password-at-all");
        await page.Locator("#erase-understood").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase my account" }).ClickAsync();
        Assert.Equal("The password is not right. Erasing an account needs it again.", await page.Locator("#password-errors").InnerTextAsync());
        await person.GotoAsync("/me");

        await person.GotoAsync("/me/erase");
        await page.Locator("#erase-password").FillAsync(NewPeople.Password);
        await page.Locator("#erase-understood").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase my account" }).ClickAsync();
        await person.ArriveAtAsync(url => url.AbsolutePath == "/", "the home page after erasing");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your account is erased. Thank you for co-creating.");
        await Assertions.Expect(page.Locator(".account-menu").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        // The address no longer signs in.
        await person.GotoAsync("/signin?returnUrl=/me");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(NewPeople.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("The email address or the password is wrong");
    }
}
