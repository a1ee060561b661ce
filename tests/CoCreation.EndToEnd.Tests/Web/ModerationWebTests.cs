using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>Moderators keep the content civil in the browser: the queue of reports, the log, and the taxonomy.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ModerationWebTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_moderator_hides_a_reported_comment_from_the_queue_and_its_author_is_told_why()
    {
        var content = await DemoContent.EnsureAsync(platform);
        var words = $"You are all idiots {Guid.NewGuid().ToString("N")[..6]}";
        await using var browser = await Chromium.LaunchAsync();

        // A resident comments in the browser; another person reports the comment there.
        await using var author = await WebSession.SignedInAsync(browser, platform, "resident@cocreation.test");
        await author.GotoAsync($"/ideas/{content.IdeaId}");
        await author.Page.Locator("#comment-body").FillAsync(words);
        await author.Page.GetByRole(AriaRole.Button, new() { Name = "Send the comment" }).ClickAsync();
        await Assertions.Expect(author.Page.Locator(".comment-list")).ToContainTextAsync(words);
        await using (var reader = await WebSession.SignedInAsync(browser, platform, "partner-member@cocreation.test"))
        {
            await reader.GotoAsync($"/ideas/{content.IdeaId}");
            await reader.Page.Locator(".comment", new() { HasText = words }).GetByRole(AriaRole.Link, new() { Name = "Report this comment" }).ClickAsync();
            Assert.Equal(words, (await reader.Page.Locator(".excerpt").InnerTextAsync()).Trim());
            await reader.Page.Locator("#report-details").FillAsync("Name-calling.");
            await reader.Page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
            await Assertions.Expect(reader.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Thank you: the moderators will look at it.");
        }

        // The moderator decides from the queue: the words are there, and a reason is required.
        await using var moderator = await WebSession.SignedInAsync(browser, platform, "moderator@cocreation.test");
        var page = moderator.Page;
        await moderator.GotoAsync("/");
        await page.Locator(".main-nav").GetByRole(AriaRole.Link, new() { Name = "Moderation" }).ClickAsync();
        var card = page.Locator(".reports li", new() { HasText = words });
        await Assertions.Expect(card).ToContainTextAsync("Offensive");
        await moderator.ScreenshotAsync("moderation");
        await card.GetByRole(AriaRole.Button, new() { Name = "Hide the comment" }).ClickAsync();
        await Assertions.Expect(page.Locator(".reports li", new() { HasText = words }).Locator(".field-errors")).ToHaveTextAsync("Give a reason.");
        await page.Locator(".reports li", new() { HasText = words }).Locator("textarea").FillAsync("Insults other residents.");
        await page.Locator(".reports li", new() { HasText = words }).GetByRole(AriaRole.Button, new() { Name = "Hide the comment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Hidden. The author is told why");
        Assert.Equal(0, await page.Locator(".reports li", new() { HasText = words }).CountAsync());

        // The log keeps it; the idea's page no longer shows it; the author hears why.
        await moderator.GotoAsync("/moderation/audit");
        await Assertions.Expect(page.Locator("table.data-table tbody tr").First).ToContainTextAsync("Insults other residents.");
        await author.GotoAsync($"/ideas/{content.IdeaId}");
        Assert.DoesNotContain(words, await author.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await author.ReloadUntilAsync("/notifications", "was hidden by a moderator");
        Assert.Contains("Insults other residents.", await author.Page.Locator(".notifications li").First.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_moderator_hides_an_idea_from_its_own_page_and_shows_it_again_and_the_public_sees_each_state()
    {
        var title = $"Advert for cheap watches {Guid.NewGuid().ToString("N")[..6]}";
        using var created = await platform.Gateway.SendAsync(GatewayCalls.PostIdea("promoter-" + Guid.NewGuid().ToString("N")[..6], title));
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var ideaPath = created.Headers.Location!.OriginalString.Replace("/api/v1", "", StringComparison.Ordinal); // /api/v1/ideas/{id} is /ideas/{id}
        await using var browser = await Chromium.LaunchAsync();
        await using var moderator = await WebSession.SignedInAsync(browser, platform, "moderator@cocreation.test");
        await using var visitor = await WebSession.OpenAsync(browser, platform);
        var page = moderator.Page;

        await moderator.GotoAsync(ideaPath);
        await page.Locator("#moderate-reason").FillAsync("Advertising, not an idea for the city.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hide the idea" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Hidden.");
        await Assertions.Expect(page.Locator(".owner-panel .status")).ToContainTextAsync("Advertising, not an idea for the city.");
        await visitor.GotoAsync(ideaPath, status: 404);

        await page.Locator("#moderate-reason").FillAsync("Checked again: it is a real offer.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show again" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Shown again.");
        await visitor.GotoAsync(ideaPath);
        Assert.Equal(title, await visitor.Page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task A_moderator_adds_a_theme_in_three_languages_and_it_is_offered_on_the_idea_form()
    {
        var code = $"night-life-{Guid.NewGuid().ToString("N")[..6]}";
        await using var browser = await Chromium.LaunchAsync();
        await using var moderator = await WebSession.SignedInAsync(browser, platform, "moderator@cocreation.test");
        var page = moderator.Page;

        await moderator.GotoAsync("/moderation/taxonomy");
        await page.Locator("#new-code").FillAsync(code);
        await page.Locator("#new-nameFi").FillAsync("Yöelämä");
        await page.Locator("#new-nameSv").FillAsync("Nattliv");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the term" }).ClickAsync();
        Assert.Equal(code, await page.Locator("#new-code").InputValueAsync());
        Assert.Equal("true", await page.Locator("#new-nameEn").GetAttributeAsync("aria-invalid"));
        await page.Locator("#new-nameEn").FillAsync("Night life");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the term" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The term is added.");

        await using var school = await WebSession.SignedInAsync(browser, platform, "school@cocreation.test", locale: "sv-FI");
        await school.ReloadUntilAsync("/ideas/new", "Nattliv");
    }

    [Fact]
    public async Task Someone_who_is_not_a_moderator_gets_the_403_page_and_no_moderation_link()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var resident = await WebSession.SignedInAsync(browser, platform, "resident@cocreation.test");

        await resident.GotoAsync("/moderation", status: 403);
        Assert.Equal(0, await resident.Page.Locator(".main-nav").GetByRole(AriaRole.Link, new() { Name = "Moderation" }).CountAsync());
        await resident.GotoAsync("/moderation/audit", status: 403);
        await resident.GotoAsync("/moderation/taxonomy", status: 403);
    }
}
