using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>A person's own name and language, chosen in the browser and kept on the account for every device.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AccountProfileWebTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_person_changes_name_and_language_and_a_sign_in_on_another_browser_speaks_that_language()
    {
        var email = await NewPeople.RegisterConfirmedAsync(platform, "Nea Ny");
        await using var browser = await Chromium.LaunchAsync();
        await using var person = await WebSession.OpenAsync(browser, platform);
        var page = person.Page;
        await person.SignInAsync(email, NewPeople.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Name and language" }).ClickAsync();
        await person.ArriveAtAsync(url => url.AbsolutePath == "/me/profile", "the profile form");
        Assert.Equal("Nea Ny", await page.Locator("#profile-displayName").InputValueAsync());
        Assert.True(await page.Locator("#profile-language-en").IsCheckedAsync());
        await page.Locator("#profile-displayName").FillAsync(" ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.Equal("Tell us your name.", await page.Locator("#displayName-errors").InnerTextAsync());

        await page.Locator("#profile-displayName").FillAsync("Nea Nyberg");
        await page.Locator("#profile-language-sv").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await person.ArriveAtAsync(url => url.AbsolutePath == "/me" && url.Query == "?done=person-profile-saved", "the account page after saving");
        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ditt namn och språk är sparade.");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Nea Nyberg");

        await using var elsewhere = await WebSession.OpenAsync(browser, platform, locale: "en-GB");
        await elsewhere.SignInAsync(email, NewPeople.Password);
        Assert.Equal("sv", await elsewhere.Page.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task A_person_acting_for_no_organisation_is_told_how_to_get_one_instead_of_offered_what_needs_one()
    {
        var email = await NewPeople.RegisterConfirmedAsync(platform, "Olli Orphan");
        await using var browser = await Chromium.LaunchAsync();
        await using var person = await WebSession.OpenAsync(browser, platform);
        await person.SignInAsync(email, NewPeople.Password);
        var navigation = person.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

        Assert.Equal(0, await navigation.GetByRole(AriaRole.Link, new() { Name = "Post an idea" }).CountAsync());
        Assert.Equal(0, await navigation.GetByRole(AriaRole.Link, new() { Name = "Recommended for us" }).CountAsync());
        await person.GotoAsync("/ideas/new");
        await Assertions.Expect(person.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("you are not acting for one");
        Assert.Equal(0, await person.Page.Locator("form.guided-form").CountAsync());
        await person.Page.GetByRole(AriaRole.Link, new() { Name = "Create an organisation on your account page" }).ClickAsync();
        await person.ArriveAtAsync(url => url.AbsolutePath == "/me", "the account page, where an organisation is created");
    }
}
