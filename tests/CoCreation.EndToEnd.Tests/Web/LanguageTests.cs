using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>Finnish by default, the browser's language on a first visit, and a choice that every page then keeps.</summary>
[Collection(PlatformCollection.Name)]
public sealed class LanguageTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_visitor_switches_from_Finnish_to_Swedish_to_English_on_three_pages_and_each_choice_is_kept()
    {
        var content = await DemoContent.EnsureAsync(platform);
        await using var browser = await Chromium.LaunchAsync();
        // A browser that asks for German gets the default, Finnish.
        await using var visitor = await WebSession.OpenAsync(browser, platform, locale: "de-DE");
        string[] pages = ["/", "/ideas", $"/ideas/{content.IdeaId}"];
        (string Language, string Link, string Ideas, string Themes)[] steps =
        [
            ("fi", "Suomi", "Ideat", "Teemat"),
            ("sv", "Svenska", "Idéer", "Teman"),
            ("en", "English", "Ideas", "Themes"),
        ];
        var page = visitor.Page;
        await visitor.GotoAsync("/");
        Assert.Equal("fi", await page.Locator("html").GetAttributeAsync("lang"));

        foreach (var path in pages)
        {
            foreach (var step in steps)
            {
                await visitor.GotoAsync(path);
                if (await page.Locator("html").GetAttributeAsync("lang") != step.Language)
                {
                    await page.Locator(".languages").GetByRole(AriaRole.Link, new() { Name = step.Link }).ClickAsync();
                }
                Assert.Equal(step.Language, await page.Locator("html").GetAttributeAsync("lang"));
                Assert.Equal(path, new Uri(page.Url).PathAndQuery); // back on the same page
                Assert.Equal(step.Ideas, await page.Locator(".main-nav").GetByRole(AriaRole.Link).Nth(1).InnerTextAsync());
                // Taxonomy names come in the chosen language too.
                Assert.Contains(step.Language switch { "fi" => "Oppiminen ja opetus", "sv" => "Lärande och undervisning", _ => "Learning and teaching" },
                    await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
                await visitor.ScreenshotAsync($"{path.Split('/')[1] switch { "" => "home", "ideas" when path.Length > 6 => "idea", var other => other }}-{step.Language}");
                // The choice is remembered: another page opens in it.
                await visitor.GotoAsync("/challenges");
                Assert.Equal(step.Language, await page.Locator("html").GetAttributeAsync("lang"));
            }
        }

        // Dates follow the language: Finnish and Swedish write 1.12.2026, English 01/12/2026.
        await visitor.GotoAsync($"/projects/{content.ProjectId}");
        Assert.Matches(@"\d{2}/\d{2}/\d{4}", await page.Locator(".facts").InnerTextAsync());
    }

    [Fact]
    public async Task A_first_visit_follows_the_browsers_language()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var swedish = await WebSession.OpenAsync(browser, platform, locale: "sv-FI");
        await swedish.GotoAsync("/");
        Assert.Equal("sv", await swedish.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Hoppa till innehållet", await swedish.Page.Locator(".skip-link").InnerTextAsync());
    }
}
