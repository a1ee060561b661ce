using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>Anyone finds the open data from every page's footer: the datasets, their licence and their files.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OpenDataWebTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_visitor_finds_each_dataset_with_its_licence_and_downloads_it_as_csv()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var visitor = await WebSession.OpenAsync(browser, platform, locale: "fi-FI");
        var page = visitor.Page;

        await visitor.GotoAsync("/");
        await page.Locator(".site-footer").GetByRole(AriaRole.Link, new() { Name = "Avoin data" }).ClickAsync();
        await visitor.ArriveAtAsync(url => url.AbsolutePath == "/open-data", "the open data page");
        Assert.Equal(["Ideat", "Haasteet", "Organisaatiot", "Projektit", "Päätökset"], await page.Locator("table.data-table tbody th").AllInnerTextsAsync());
        await Assertions.Expect(page.Locator("a[rel=license]")).ToHaveAttributeAsync("href", "https://creativecommons.org/licenses/by/4.0/");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ideat, CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.StartsWith("id,", csv[0], StringComparison.Ordinal);
    }
}
