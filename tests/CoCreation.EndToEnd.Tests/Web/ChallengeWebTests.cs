using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>A city unit publishes a challenge in the browser; only city units are offered the form.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ChallengeWebTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_school_publishes_a_challenge_after_the_form_says_what_is_missing_and_others_can_answer_it()
    {
        var title = $"Quieter breaks {Guid.NewGuid().ToString("N")[..6]}";
        await using var browser = await Chromium.LaunchAsync();
        await using var school = await WebSession.SignedInAsync(browser, platform, "school@cocreation.test");
        var page = school.Page;

        await school.GotoAsync("/challenges");
        await page.GetByRole(AriaRole.Link, new() { Name = "Publish a challenge" }).ClickAsync();
        await school.ArriveAtAsync(url => url.AbsolutePath == "/challenges/new", "the challenge form");
        await page.Locator("#challenge-title").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the challenge" }).ClickAsync();
        Assert.Equal("Sum the challenge up in a sentence or two.", await page.Locator("#summary-errors").InnerTextAsync());
        Assert.Equal("Choose at least one theme.", await page.Locator("#themes-errors").InnerTextAsync());
        Assert.Equal(title, await page.Locator("#challenge-title").InputValueAsync());

        var today = DateTime.UtcNow.Date;
        await page.Locator("#challenge-summary").FillAsync("Ideas for calmer, quieter breaks in the school yard.");
        await page.Locator("#Form-Themes-learning-and-teaching").CheckAsync();
        await page.Locator("#challenge-opensOn").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#challenge-closesOn").FillAsync(today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the challenge" }).ClickAsync();
        await school.ArriveAtAsync(url => url.AbsolutePath.StartsWith("/challenges/", StringComparison.Ordinal) && url.Query == "?done=challenge-published", "the published challenge");
        Assert.Equal(title, await page.Locator("h1").InnerTextAsync());
        var challengePath = new Uri(page.Url).AbsolutePath;

        await using var company = await WebSession.SignedInAsync(browser, platform, "partner-admin@cocreation.test");
        await company.GotoAsync(challengePath);
        await Assertions.Expect(company.Page.GetByRole(AriaRole.Link, new() { Name = "Answer with an idea" })).ToBeVisibleAsync();
        await company.GotoAsync("/challenges");
        Assert.Equal(0, await company.Page.GetByRole(AriaRole.Link, new() { Name = "Publish a challenge" }).CountAsync());
        await company.GotoAsync("/challenges/new", status: 403);
        await company.GotoAsync(challengePath + "/edit", status: 403);
        Assert.Equal(0, await company.Page.GetByRole(AriaRole.Link, new() { Name = "Edit the challenge" }).CountAsync());

        // The school sharpens its question, then ends the challenge early.
        await school.GotoAsync(challengePath);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the challenge" }).ClickAsync();
        await school.ArriveAtAsync(url => url.AbsolutePath == challengePath + "/edit", "the challenge's edit form");
        Assert.Equal(title, await page.Locator("#challenge-title").InputValueAsync());
        await page.Locator("#challenge-summary").FillAsync("Ideas for calmer breaks, indoors and out.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the changes" }).ClickAsync();
        await school.ArriveAtAsync(url => url.AbsolutePath == challengePath && url.Query == "?done=challenge-saved", "the saved challenge");
        await Assertions.Expect(page.Locator("p.lead")).ToHaveTextAsync("Ideas for calmer breaks, indoors and out.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Close the challenge now" }).ClickAsync();
        await school.ArriveAtAsync(url => url.AbsolutePath == challengePath + "/close", "the page that asks before closing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, close the challenge" }).ClickAsync();
        await school.ArriveAtAsync(url => url.AbsolutePath == challengePath && url.Query == "?done=challenge-closed", "the closed challenge");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The challenge is closed: it accepts no new answers.");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Answer with an idea" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Edit the challenge" }).CountAsync());
        await school.GotoAsync(challengePath + "/edit", status: 409);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("This challenge has closed.");
    }
}
