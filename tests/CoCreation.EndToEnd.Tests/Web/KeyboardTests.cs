using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>
/// The school's part of the journey with the keyboard alone: Tab to each control (which must show its focus), type,
/// Space for choices, Enter to send. No click, no mouse.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class KeyboardTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_school_signs_in_publishes_accepts_a_partner_moves_and_completes_the_project_without_a_mouse()
    {
        await DemoOrganisations.EnsureProfilesAsync(platform);
        var title = $"Keyboard-made reading corner {Guid.NewGuid().ToString("N")[..6]}";
        await using var browser = await Chromium.LaunchAsync();
        await using var school = await WebSession.OpenAsync(browser, platform);
        var page = school.Page;

        // Sign in.
        await school.GotoAsync("/");
        await TabToAsync(page, "a[href^='/signin']");
        await page.Keyboard.PressAsync("Enter");
        await school.ArriveAtAsync(url => url.AbsolutePath == "/account/login", "the sign-in page");
        await TabToAsync(page, "#email");
        await page.Keyboard.TypeAsync("school@cocreation.test");
        await TabToAsync(page, "#password");
        await page.Keyboard.TypeAsync(platform.DemoUserPassword);
        await page.Keyboard.PressAsync("Enter");
        await school.ArriveAtAsync(url => url.AbsolutePath == "/", "the home page after signing in");

        // Publish a need.
        await TabToAsync(page, "a[href='/ideas/new']");
        await page.Keyboard.PressAsync("Enter");
        await school.ArriveAtAsync(url => url.AbsolutePath == "/ideas/new", "the idea form");
        await TabToAsync(page, "#kind-need");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "#idea-title");
        await page.Keyboard.TypeAsync(title);
        await TabToAsync(page, "#idea-summary");
        await page.Keyboard.TypeAsync("A calm corner in the library where pupils read to each other.");
        await TabToAsync(page, "#Draft-Themes-learning-and-teaching");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "button[value='publish']");
        await page.Keyboard.PressAsync("Enter");
        await school.ArriveAtAsync(url => PublishedIdea().IsMatch(url.PathAndQuery), "the published idea");
        var ideaId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[2]);

        // A company answers (through the API, as its own system would), and the school accepts.
        await ExpressInterestAsCompanyAsync(ideaId);
        await school.ReloadUntilAsync($"/ideas/{ideaId}", "Our readers would love this.");
        await TabToAsync(page, ".interests textarea");
        await page.Keyboard.TypeAsync("Welcome aboard.");
        await TabToAsync(page, ".interests button[value='accept']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The interest is accepted: you have a partner.");

        // Start the project and complete it.
        await school.ReloadUntilAsync($"/ideas/{ideaId}", "Start the project");
        await TabToAsync(page, "form[name='start-project'] button, section[aria-labelledby='start-heading'] button");
        await page.Keyboard.PressAsync("Enter");
        await school.ArriveAtAsync(url => url.Query == "?done=project-started", "the started project");
        // The roadmap to evaluation through the API (the journey walks it in the browser); then the phase move and the
        // completion with the keyboard.
        var projectPath = new Uri(page.Url).AbsolutePath;
        await ProjectLifecycleCalls.AwaitPartnerAsync(platform.Gateway, Guid.Parse(projectPath.Split('/')[^1]), DemoOrganisations.Company);
        var projectId = Guid.Parse(projectPath.Split('/')[^1]);
        var schoolParty = new Party("demo-school-teacher", DemoOrganisations.School, "city-unit");
        await ProjectLifecycleCalls.HostAsync(platform.Gateway, projectId, schoolParty, schoolParty, $"Reading room {Guid.NewGuid().ToString("N")[..6]}");
        await ProjectLifecycleCalls.ToEvaluationAsync(platform.Gateway, projectId, [schoolParty, new Party("demo-company-lead", DemoOrganisations.Company)]);
        await ProjectLifecycleCalls.SendAsync(platform.Gateway, HttpMethod.Post, $"/api/v1/projects/{projectId}/phase", schoolParty, new { phase = "piloting" });
        await school.GotoAsync(projectPath);
        await TabToAsync(page, ".phase-panel > form button");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The project moved to evaluation.");
        await TabToAsync(page, "#project-outcome");
        await page.Keyboard.TypeAsync("Pupils read 120 books aloud to each other.");
        await TabToAsync(page, "#rating-1");
        await page.Keyboard.PressAsync("ArrowRight"); // arrows move within the radio group: 2
        await page.Keyboard.PressAsync("ArrowRight"); // 3
        await page.Keyboard.PressAsync("ArrowRight"); // 4
        await TabToAsync(page, "#project-reference");
        await page.Keyboard.TypeAsync("Reliable and kind.");
        await TabToAsync(page, "section[aria-labelledby='complete-heading'] button[type='submit']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The project is completed. Thank you for co-creating!");
        Assert.Contains("4 out of 5", await page.Locator(".outcome").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Presses Tab until <paramref name="selector"/> has the focus, and checks the focus is visible there. Fails, naming
    /// where the focus went, when 200 presses do not reach it.
    /// </summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        var visited = new List<string>();
        for (var presses = 0; presses < 200; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<FocusState>(
                "s => { const e = document.activeElement; const style = e ? getComputedStyle(e) : null; " +
                "return { matches: !!e && e.matches(s), name: e ? e.outerHTML.slice(0, 80) : '', outline: style ? style.outlineStyle : 'none' }; }",
                selector);
            if (focus.Matches)
            {
                Assert.True(focus.Outline != "none", $"{selector} has the focus but shows no outline.");
                return;
            }
            visited.Add(focus.Name);
        }
        Assert.Fail($"Tab did not reach {selector} on {page.Url}. The focus went through: {string.Join(" → ", visited.Distinct().Take(40))}");
    }

    /// <summary>The company's interest, sent again (the fixture's bounded wait) until partner matching has heard of the idea.</summary>
    private async Task ExpressInterestAsCompanyAsync(Guid ideaId)
    {
        var (status, body) = await Eventually.MatchAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/ideas/{ideaId}/interests")
            {
                Content = JsonContent.Create(new { message = "Our readers would love this." }),
            }.AsPerson("demo-company-lead", DemoOrganisations.Company);
            using var response = await platform.Gateway.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }, answer => answer.StatusCode == System.Net.HttpStatusCode.Created, TimeSpan.FromSeconds(60));
        Assert.True(status == System.Net.HttpStatusCode.Created, $"interest: {(int)status} {body}");
    }

    private sealed class FocusState
    {
        public bool Matches { get; set; }

        public string Name { get; set; } = "";

        public string Outline { get; set; } = "";
    }

    [GeneratedRegex(@"/ideas/[0-9a-f-]{36}\?done=published$")]
    private static partial Regex PublishedIdea();
}
