using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>
/// WCAG 1.4.10 reflow: at 320 CSS pixels wide (a phone, or a 1280-pixel screen at 400 % zoom; 200 % is 640) the pages
/// need no sideways scrolling.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ResponsiveTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_main_pages_fit_320_pixels_without_scrolling_sideways()
    {
        var content = await DemoContent.EnsureAsync(platform);
        await using var browser = await Chromium.LaunchAsync();
        await using var school = await WebSession.SignedInAsync(browser, platform, "school@cocreation.test");
        await school.Page.SetViewportSizeAsync(320, 800);
        string[] pages = ["/", "/ideas", $"/ideas/{content.IdeaId}", "/ideas/new", "/challenges", $"/organisations/{DemoOrganisations.Company}",
            $"/projects/{content.ProjectId}", $"/projects/{content.ProjectInAgreementId}", $"/feedback/{content.OpenSession.FeedbackToken}",
            $"/references/{content.ProjectId}", "/notifications", "/me"];
        var tooWide = new List<string>();
        foreach (var path in pages)
        {
            await school.GotoAsync(path);
            var width = await school.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 320)
            {
                tooWide.Add($"{path}: {width} px");
                await school.ScreenshotAsync("too-wide-" + path.Trim('/').Replace('/', '-'));
            }
        }
        Assert.True(tooWide.Count == 0, "Wider than 320 px: " + string.Join(", ", tooWide));
    }
}
