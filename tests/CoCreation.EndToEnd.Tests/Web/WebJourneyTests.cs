using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>
/// The co-creation journey in the browser, as two people walk it in their own browsers: a school publishes a need, a
/// company finds it, they agree to work together, the school runs the project along the CoSIE roadmap and completes
/// it, and anyone can read its outcome and check its signed reference. Everything goes through the web front end at the gateway, nothing is arranged behind it: the demo
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

        // The school's classroom, registered early so that the projects service has heard of it when the pilot needs it.
        var classroom = $"Classroom 3B {Guid.NewGuid().ToString("N")[..6]}";
        await ProjectLifecycleCalls.SendAsync(platform.Gateway, HttpMethod.Post, "/api/v1/environments",
            new Party("demo-school-teacher", DemoOrganisations.School, "city-unit"), new { kind = "school", name = classroom, area = "Espoo", capacity = 25 },
            System.Net.HttpStatusCode.Created);

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

        // 6. The school starts the project once the partnership has reached the projects service, and walks it along
        //    the roadmap: the canvas, the agreement both accept, the pilot in its own classroom, light feedback from a
        //    pupil, the teachers' evaluation, the company's rating, and completion.
        await school.ReloadUntilAsync(ideaPath, "Start the project");
        await school.Page.GetByRole(AriaRole.Button, new() { Name = "Start the project" }).ClickAsync();
        await school.ArriveAtAsync(url => ProjectPage().IsMatch(url.PathAndQuery), "the started project");
        var projectPath = new Uri(school.Page.Url).AbsolutePath;
        await ProjectLifecycleCalls.AwaitPartnerAsync(platform.Gateway, Guid.Parse(projectPath.Split('/')[^1]), DemoOrganisations.Company);
        await school.ScreenshotAsync("project-started");
        foreach (var canvasQuestion in new[] { "Context", "Aims and why", "Values", "Capacities and resources", "Barriers and contradictions", "Tools and techniques" })
        {
            var answer = school.Page.Locator($".canvas-question:has(h3:text-is('{canvasQuestion}')) a");
            await Assertions.Expect(answer).ToHaveAccessibleNameAsync($"Answer: {canvasQuestion}");
            await answer.ClickAsync();
            await school.Page.Locator("#canvas-text").FillAsync($"Our answer on {canvasQuestion.ToLowerInvariant()}, written with the company.");
            if (canvasQuestion == "Tools and techniques")
            {
                await school.Page.Locator("#tool-community-reporting").CheckAsync();
                await school.Page.Locator("#tool-other").FillAsync("Minecraft Education");
            }
            await school.Page.GetByRole(AriaRole.Button, new() { Name = "Save the answer" }).ClickAsync();
            await Assertions.Expect(school.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The answer is saved.");
        }
        Assert.Contains("Minecraft Education", await school.Page.Locator(".canvas").InnerTextAsync(), StringComparison.Ordinal);
        await MoveAsync(school, "Agreement", "The project moved to agreement.");

        await school.Page.GetByRole(AriaRole.Link, new() { Name = "Write the agreement" }).ClickAsync();
        await school.Page.Locator("#clause-safeguarding").CheckAsync();
        await school.Page.Locator("#agreement-terms").FillAsync("The game's code stays the company's; the pupils' drawings stay theirs.");
        await school.Page.GetByRole(AriaRole.Button, new() { Name = "Save the agreement" }).ClickAsync();
        await Assertions.Expect(school.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The agreement is saved. Every participating organisation can now accept it.");
        // The gate names what is missing: the company's acceptance and the pilot's environment.
        Assert.Contains("Every participating organisation accepts the agreement.", await school.Page.Locator(".checklist").InnerTextAsync(), StringComparison.Ordinal);
        await school.Page.GetByRole(AriaRole.Button, new() { Name = "Accept version 1 for" }).ClickAsync();
        await Assertions.Expect(school.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your organisation accepted the agreement.");
        await company.GotoAsync(projectPath);
        Assert.Contains("Safeguarding children", await company.Page.Locator(".agreement-text").InnerTextAsync(), StringComparison.Ordinal);
        await company.Page.GetByRole(AriaRole.Button, new() { Name = $"Accept version 1 for {DemoOrganisations.CompanyName}" }).ClickAsync();
        await Assertions.Expect(company.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your organisation accepted the agreement.");
        await school.GotoAsync(projectPath);
        await school.Page.Locator("#host-environment").SelectOptionAsync(new SelectOptionValue { Label = classroom });
        await school.Page.GetByRole(AriaRole.Button, new() { Name = "Host the pilot here" }).ClickAsync();
        await Assertions.Expect(school.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The pilot's environment is chosen.");
        await MoveAsync(school, "Piloting", "The project moved to piloting.");

        await school.Page.GetByRole(AriaRole.Link, new() { Name = "Schedule an activity" }).ClickAsync();
        await school.Page.Locator("#activity-kind").SelectOptionAsync("pilot-session");
        await school.Page.Locator("#activity-title").FillAsync("First play-test");
        var helsinki = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Helsinki");
        await school.Page.Locator("#activity-starts").FillAsync(helsinki.AddHours(-2).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await school.Page.Locator("#activity-ends").FillAsync(helsinki.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await school.Page.Locator("#group-pupils").CheckAsync();
        await school.Page.GetByRole(AriaRole.Button, new() { Name = "Schedule the activity" }).ClickAsync();
        await Assertions.Expect(school.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The activity is scheduled.");
        var feedbackPath = await school.Page.GetByRole(AriaRole.Link, new() { Name = "Light-feedback link" }).GetAttributeAsync("href");

        // A pupil on a phone, not signed in, answers with one tap.
        await using (var pupil = await WebSession.OpenAsync(browser, platform))
        {
            await pupil.Page.SetViewportSizeAsync(390, 844);
            await pupil.GotoAsync(feedbackPath!);
            await pupil.Page.Locator("#feedback-group").SelectOptionAsync("pupils");
            await pupil.Page.Locator("#feedback-word").FillAsync("Fun");
            await pupil.Page.GetByRole(AriaRole.Button, new() { Name = "Very good" }).ClickAsync();
            await Assertions.Expect(pupil.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Thank you!");
        }
        await school.GotoAsync(projectPath);
        await school.Page.Locator("#evaluation-group").SelectOptionAsync("teachers");
        await school.Page.Locator("#evaluation-rating-4").CheckAsync();
        await school.Page.Locator("#evaluation-text").FillAsync("Pupils stayed focused for the whole lesson.");
        await school.Page.GetByRole(AriaRole.Button, new() { Name = "Send the evaluation" }).ClickAsync();
        await Assertions.Expect(school.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Thank you for the evaluation.");
        Assert.Contains("Fun", await school.Page.Locator(".evaluation-words").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(school.Page.Locator(".evaluation-chart circle")).ToHaveCountAsync(2);
        await school.ScreenshotAsync("project-piloting");
        await MoveAsync(school, "Evaluation", "The project moved to evaluation.");

        await company.GotoAsync(projectPath);
        await company.Page.Locator("#participant-rating-5").CheckAsync();
        await company.Page.GetByRole(AriaRole.Button, new() { Name = "Save our rating" }).ClickAsync();
        await Assertions.Expect(company.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your organisation's rating is saved.");
        await school.GotoAsync(projectPath);
        Assert.True(await school.Page.Locator("#project-outcome").CountAsync() == 1, await school.Page.Locator("body").InnerTextAsync() + platform.WebLogTail());
        await school.Page.Locator("#project-outcome").FillAsync("Sixty pupils played the game for six weeks and learnt 300 new words.");
        await school.Page.Locator("#rating-5").CheckAsync();
        await school.Page.Locator("#project-reference").FillAsync("A thoughtful partner who listened to the pupils.");
        await school.Page.GetByRole(AriaRole.Button, new() { Name = "Complete the project" }).ClickAsync();
        await Assertions.Expect(school.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The project is completed. Thank you for co-creating!");
        // The log kept every phase move, each by the school.
        Assert.Equal(4, await school.Page.Locator(".decision-log > li").CountAsync());

        // 7. A visitor who is not signed in reads the outcome and the reference.
        await using var visitor = await WebSession.OpenAsync(browser, platform);
        await visitor.GotoAsync(projectPath);
        var outcome = await visitor.Page.Locator(".outcome").InnerTextAsync();
        Assert.Contains("learnt 300 new words", outcome, StringComparison.Ordinal);
        Assert.Contains("5 out of 5", outcome, StringComparison.Ordinal);
        Assert.Contains("A thoughtful partner who listened to the pupils.", outcome, StringComparison.Ordinal);
        Assert.Contains(DemoOrganisations.CompanyName, await visitor.Page.Locator(".facts").InnerTextAsync(), StringComparison.Ordinal);
        await visitor.ScreenshotAsync("project");
        await visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Open the signed reference" }).ClickAsync();
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Verified: signed by the city's key");
        Assert.Contains(DemoOrganisations.CompanyName, await visitor.Page.Locator(".reference-facts").InnerTextAsync(), StringComparison.Ordinal);
        await visitor.ScreenshotAsync("reference");
    }

    private static async Task MoveAsync(WebSession session, string phase, string done)
    {
        await session.Page.GetByRole(AriaRole.Button, new() { Name = $"Move to {phase}" }).ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync(done);
    }

    [GeneratedRegex(@"/ideas/[0-9a-f-]{36}\?done=published$")]
    private static partial Regex IdeaPage();

    [GeneratedRegex(@"/projects/[0-9a-f-]{36}\?done=project-started$")]
    private static partial Regex ProjectPage();
}
