using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>
/// The co-creation journey in the browser, as two people walk it in their own browsers: a school publishes a need, a
/// company finds it, they agree to work together, the school runs and completes the project, and anyone can read its
/// outcome. Everything goes through the web front end at the gateway, nothing is arranged behind it: the demo
/// people and organisations are the identity service's development seed.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class WebJourneyTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_school_and_a_company_go_from_a_need_to_a_completed_project_and_a_visitor_reads_the_outcome()
    {
        var title = $"Playful Swedish vocabulary {Guid.NewGuid().ToString("N")[..6]}";
        await using var browser = await Chromium.LaunchAsync();
        await using var school = await WebSession.SignedInAsync(browser, platform, "school@cocreation.test");
        await using var company = await WebSession.SignedInAsync(browser, platform, "partner-admin@cocreation.test");

        // 0. The company describes itself, so that matching can suggest it (another test may have written it before).
        await company.GotoAsync("/me");
        await company.Page.GetByRole(AriaRole.Link, new() { Name = "Edit your organisation's profile" }).ClickAsync();
        await company.Page.Locator("#profile-type").SelectOptionAsync("company");
        await company.Page.Locator("#profile-name").FillAsync(DemoOrganisations.CompanyName);
        await company.Page.Locator("#profile-description").FillAsync("We design learning games with teachers and pupils.");
        await company.Page.Locator("#profile-competences").FillAsync("game design, language learning");
        await company.Page.Locator("#Profile-Themes-learning-and-teaching").CheckAsync();
        await company.Page.Locator("#Profile-Languages-fi").CheckAsync();
        await company.Page.Locator("#Profile-Languages-en").CheckAsync();
        await company.Page.Locator("#profile-region").FillAsync("Espoo");
        await company.Page.Locator("#profile-contactChannel").FillAsync("hello@company.example");
        await company.Page.GetByRole(AriaRole.Button, new() { Name = "Save the profile" }).ClickAsync();
        await Assertions.Expect(company.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The profile is saved.");
        Assert.Equal(DemoOrganisations.CompanyName, await company.Page.Locator("h1").InnerTextAsync());

        // 1. The school publishes a need with the guided form.
        await school.GotoAsync("/ideas/new");
        await school.Page.Locator("#kind-need").CheckAsync();
        await school.Page.Locator("#idea-title").FillAsync(title);
        await school.Page.Locator("#idea-summary").FillAsync("Pupils in grades 3-4 need a playful way to practise Swedish words.");
        await school.Page.Locator("#idea-description").FillAsync("We have **two classes** and a *school yard*.");
        await school.Page.Locator("#Draft-Themes-learning-and-teaching").CheckAsync();
        await school.Page.Locator("#Draft-Environments-school").CheckAsync();
        await school.Page.Locator("#idea-soughtCompetences").FillAsync("game design, language learning");
        await school.ScreenshotAsync("idea-form");
        await school.Page.GetByRole(AriaRole.Button, new() { Name = "Publish the idea" }).ClickAsync();
        await school.ArriveAtAsync(url => IdeaPage().IsMatch(url.PathAndQuery), "the published idea");
        var ideaPath = new Uri(school.Page.Url).AbsolutePath;
        Assert.Equal("The idea is published.", await school.Page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal(title, await school.Page.Locator("h1").InnerTextAsync());
        Assert.Equal("two classes", await school.Page.Locator(".description strong").InnerTextAsync());

        // 2. The company finds it in search, and among the ideas recommended for it.
        await company.GotoAsync("/ideas?q=" + Uri.EscapeDataString(title) + "&theme=learning-and-teaching&kind=need");
        await Assertions.Expect(company.Page.Locator(".idea-card h3 a")).ToHaveTextAsync(title);
        await company.ReloadUntilAsync("/recommended", title);
        await company.ScreenshotAsync("recommended");

        // Anyone signed in takes part: the company supports the idea and asks a question; the school replies.
        await company.GotoAsync(ideaPath);
        await company.Page.GetByRole(AriaRole.Button, new() { Name = "Support", Exact = true }).ClickAsync();
        await Assertions.Expect(company.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Thank you for your support.");
        Assert.Contains("1 supporters", await company.Page.Locator(".idea .meta").InnerTextAsync(), StringComparison.Ordinal);
        await company.Page.Locator("#comment-body").FillAsync("Could the game work on *tablets*?");
        await company.Page.GetByRole(AriaRole.Button, new() { Name = "Send the comment" }).ClickAsync();
        await Assertions.Expect(company.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your comment was added.");
        await school.GotoAsync(ideaPath);
        var question = school.Page.Locator(".comment-list > li", new() { HasText = "Could the game work on" });
        await question.Locator("summary").ClickAsync();
        await question.Locator("textarea").FillAsync("Yes, we have twenty tablets.");
        await question.GetByRole(AriaRole.Button, new() { Name = "Send the reply" }).ClickAsync();
        await Assertions.Expect(school.Page.Locator(".replies")).ToContainTextAsync("Yes, we have twenty tablets.");
        Assert.Equal("tablets", await school.Page.Locator(".comment-list > li em").First.InnerTextAsync());

        // 3. The school sees the company among the ranked partners, with the reasons for its score.
        await school.ReloadUntilAsync(ideaPath, DemoOrganisations.CompanyName);
        var partner = school.Page.Locator(".partner", new() { HasText = DemoOrganisations.CompanyName });
        await Assertions.Expect(partner.Locator(".reason dt").First).ToBeVisibleAsync();
        Assert.Contains("Competences", await partner.Locator(".reasons").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("game design", await partner.Locator(".reasons").InnerTextAsync(), StringComparison.Ordinal);
        await school.ScreenshotAsync("idea-owner");

        // 4. The company expresses interest; the school accepts it with a reply.
        await company.GotoAsync(ideaPath);
        await company.Page.Locator("#interest-message").FillAsync("We would love to build a vocabulary game with your pupils.");
        await company.Page.GetByRole(AriaRole.Button, new() { Name = "Express interest" }).ClickAsync();
        await Assertions.Expect(company.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your interest was sent to the idea's organisation.");
        await school.ReloadUntilAsync(ideaPath, "We would love to build a vocabulary game");
        var interest = school.Page.Locator(".interests li", new() { HasText = "We would love to build" });
        await interest.Locator("textarea").FillAsync("Welcome! Let us start in January.");
        await interest.GetByRole(AriaRole.Button, new() { Name = "Accept as partner" }).ClickAsync();
        await Assertions.Expect(school.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The interest is accepted: you have a partner.");

        // 5. Both see their notifications, and the unread count in the header.
        await school.ReloadUntilAsync("/notifications", $"{DemoOrganisations.CompanyName} is interested in your idea \"{title}\"");
        await Assertions.Expect(school.Page.Locator(".notifications-link .badge")).ToBeVisibleAsync();
        await school.ScreenshotAsync("notifications");
        await company.ReloadUntilAsync("/notifications", title);
        var unread = company.Page.Locator(".notifications li.unread", new() { HasText = title }).First;
        await unread.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(company.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Marked as read.");

        // 6. The school starts the project once the partnership has reached the projects service, and completes it.
        await school.ReloadUntilAsync(ideaPath, "Start the project");
        await school.Page.GetByRole(AriaRole.Button, new() { Name = "Start the project" }).ClickAsync();
        await school.ArriveAtAsync(url => ProjectPage().IsMatch(url.PathAndQuery), "the started project");
        var projectPath = new Uri(school.Page.Url).AbsolutePath;
        await school.ScreenshotAsync("project-started");
        Assert.True(await school.Page.Locator("#project-outcome").CountAsync() == 1, await school.Page.Locator("body").InnerTextAsync() + platform.WebLogTail());
        await school.Page.Locator("#project-outcome").FillAsync("Sixty pupils played the game for six weeks and learnt 300 new words.");
        await school.Page.Locator("#rating-5").CheckAsync();
        await school.Page.Locator("#project-reference").FillAsync("A thoughtful partner who listened to the pupils.");
        await school.Page.GetByRole(AriaRole.Button, new() { Name = "Complete the project" }).ClickAsync();
        await Assertions.Expect(school.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The project is completed. Thank you for co-creating!");

        // 7. A visitor who is not signed in reads the outcome and the reference.
        await using var visitor = await WebSession.OpenAsync(browser, platform);
        await visitor.GotoAsync(projectPath);
        var outcome = await visitor.Page.Locator(".outcome").InnerTextAsync();
        Assert.Contains("learnt 300 new words", outcome, StringComparison.Ordinal);
        Assert.Contains("5 out of 5", outcome, StringComparison.Ordinal);
        Assert.Contains("A thoughtful partner who listened to the pupils.", outcome, StringComparison.Ordinal);
        Assert.Contains(DemoOrganisations.CompanyName, await visitor.Page.Locator(".facts").InnerTextAsync(), StringComparison.Ordinal);
        await visitor.ScreenshotAsync("project");
    }

    [GeneratedRegex(@"/ideas/[0-9a-f-]{36}\?done=published$")]
    private static partial Regex IdeaPage();

    [GeneratedRegex(@"/projects/[0-9a-f-]{36}\?done=project-started$")]
    private static partial Regex ProjectPage();
}
