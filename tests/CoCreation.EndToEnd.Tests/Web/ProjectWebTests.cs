using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>
/// The project's own pages in the browser, beyond the journey: a canvas edit that lost the race, the printable feedback
/// poster, and a buyer checking a reference from a tender, untouched and altered.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ProjectWebTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_school_invites_the_company_to_a_project_it_started_by_hand_and_the_company_joins_it()
    {
        await DemoOrganisations.EnsureProfilesAsync(platform);
        var school = new Party("demo-school-teacher", DemoOrganisations.School, "city-unit");
        var idea = await ProjectLifecycleCalls.SendAsync(platform.Gateway, HttpMethod.Post, "/api/v1/ideas", school, new
        {
            kind = "need", title = "Outdoor maths trail", summary = "Maths tasks along the school's forest path.", description = "For grades 3-6.",
            themes = new[] { "learning-and-teaching" }, environments = new[] { "school" }, language = "en",
        }, System.Net.HttpStatusCode.Created);
        var ideaId = idea.GetProperty("id").GetGuid();
        // No partner is found: the school starts by hand, once projects has heard over the broker that the idea is published.
        var started = await Eventually.MatchAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/projects") { Content = JsonContent.Create(new { ideaId, title = "Maths trail" }) }
                .AsPerson(school.Person, school.Organisation);
            using var response = await platform.Gateway.SendAsync(request);
            return response.StatusCode == System.Net.HttpStatusCode.Created ? (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid() : (Guid?)null;
        }, id => id is not null, TimeSpan.FromSeconds(60));
        Assert.True(started is not null, "Projects never heard that the idea was published.");
        var path = $"/projects/{started}";

        await using var browser = await Chromium.LaunchAsync();
        await using var owner = await WebSession.SignedInAsync(browser, platform, "school@cocreation.test");
        await owner.GotoAsync(path);
        await owner.Page.Locator("#invite-search").FillAsync(DemoOrganisations.CompanyName);
        await owner.Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await owner.Page.Locator("#invite-organisation").SelectOptionAsync(new SelectOptionValue { Label = DemoOrganisations.CompanyName });
        await owner.Page.Locator("#invite-message").FillAsync("Would you design the trail's game with us?");
        await owner.Page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Assertions.Expect(owner.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The invitation is sent. The organisation's people are told.");
        Assert.Contains("waiting for an answer", await owner.Page.Locator(".invitations").InnerTextAsync(), StringComparison.Ordinal);

        await using var company = await WebSession.SignedInAsync(browser, platform, "partner-admin@cocreation.test");
        await company.GotoAsync(path);
        await Assertions.Expect(company.Page.Locator(".invitation-notice blockquote")).ToHaveTextAsync("Would you design the trail's game with us?");
        await company.ScreenshotAsync("project-invitation");
        await company.Page.GetByRole(AriaRole.Button, new() { Name = "Join the project" }).ClickAsync();
        await Assertions.Expect(company.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your organisation joined the project. Read and accept its agreement below.");
        Assert.Contains(DemoOrganisations.CompanyName, await company.Page.Locator("dl.facts").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(company.Page.Locator(".invitation-notice")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_school_gives_a_parent_a_personal_link_the_parent_evaluates_by_it_and_a_revoked_link_takes_no_more()
    {
        var content = await DemoContent.EnsureAsync(platform);
        var path = $"/projects/{content.ProjectInAgreementId}";
        await using var browser = await Chromium.LaunchAsync();
        await using var school = await WebSession.SignedInAsync(browser, platform, "school@cocreation.test");
        await school.GotoAsync(path);
        await school.Page.Locator("#light-participant-label").FillAsync("Parent, class 2B");
        await school.Page.Locator("#light-participant-group").SelectOptionAsync("parents");
        await school.Page.GetByRole(AriaRole.Button, new() { Name = "Create the link" }).ClickAsync();
        await Assertions.Expect(school.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("The personal link is ready");
        var entry = school.Page.Locator(".light-participants li", new() { HasText = "Parent, class 2B" });
        await entry.GetByText("Link and QR code for Parent, class 2B").ClickAsync();
        await Assertions.Expect(entry.GetByRole(AriaRole.Img, new() { Name = "QR code of the personal link for Parent, class 2B" })).ToBeVisibleAsync();
        var link = (await entry.Locator(".poster-link").InnerTextAsync()).Trim();
        Assert.Contains("/join/", link, StringComparison.Ordinal);
        await school.ScreenshotAsync("personal-links");

        // The parent, with no account, sees the project but never the team's label for them.
        await using var parent = await WebSession.OpenAsync(browser, platform);
        await parent.Page.SetViewportSizeAsync(390, 844);
        await parent.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(parent.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reading corner");
        Assert.Contains("You take part in this co-creation project as: Parents.", await parent.Page.Locator(".lead").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("class 2B", await parent.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await parent.Page.Locator("#evaluate-subject").SelectOptionAsync(new SelectOptionValue { Label = "The project as a whole" });
        await parent.Page.Locator("#evaluate-text").FillAsync("A calm corner, at last.");
        await parent.Page.GetByRole(AriaRole.Button, new() { Name = "Good", Exact = true }).ClickAsync();
        await Assertions.Expect(parent.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Thank you for the evaluation.");
        await parent.ScreenshotAsync("personal-link");

        await school.GotoAsync(path);
        await Assertions.Expect(entry).ToContainTextAsync("answers: 1");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Revoke the link of Parent, class 2B" }).ClickAsync();
        await Assertions.Expect(school.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The link is revoked: it takes no more answers.");
        await parent.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(parent.Page.Locator(".notice")).ToHaveTextAsync("This link takes no answers now. Thank you for taking part!");
        await Assertions.Expect(parent.Page.Locator("#evaluate-subject")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_schools_teacher_becomes_the_city_contact_whom_everyone_sees_and_the_companys_person_a_contributor_whom_the_team_sees()
    {
        var content = await DemoContent.EnsureAsync(platform);
        var path = $"/projects/{content.ProjectInAgreementId}";
        await using var browser = await Chromium.LaunchAsync();
        await using var school = await WebSession.SignedInAsync(browser, platform, "school@cocreation.test");
        await school.GotoAsync(path);
        await school.Page.Locator("#team-name").FillAsync("Anna Virtanen");
        await school.Page.Locator("#team-role").SelectOptionAsync("city-contact");
        await school.Page.GetByRole(AriaRole.Button, new() { Name = "Save the role" }).ClickAsync();
        await Assertions.Expect(school.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your role is saved.");

        // The company's people are no city unit: they are not offered the city contact's role.
        await using var company = await WebSession.SignedInAsync(browser, platform, "partner-admin@cocreation.test");
        await company.GotoAsync(path);
        await Assertions.Expect(company.Page.Locator("#team-role option[value='city-contact']")).ToHaveCountAsync(0);
        await company.Page.Locator("#team-name").FillAsync("Mika Lahti");
        await company.Page.Locator("#team-role").SelectOptionAsync("contributor");
        await company.Page.GetByRole(AriaRole.Button, new() { Name = "Save the role" }).ClickAsync();
        await Assertions.Expect(company.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your role is saved.");
        var team = await company.Page.Locator(".team").InnerTextAsync();
        Assert.Contains("Anna Virtanen · City contact", team, StringComparison.Ordinal);
        Assert.Contains("Mika Lahti · Contributor", team, StringComparison.Ordinal);
        await company.ScreenshotAsync("project-team");

        await using var visitor = await WebSession.OpenAsync(browser, platform);
        await visitor.GotoAsync(path);
        var seen = await visitor.Page.Locator(".team").InnerTextAsync();
        Assert.Contains("Anna Virtanen · City contact", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("Mika Lahti", seen, StringComparison.Ordinal);
        await Assertions.Expect(visitor.Page.Locator("#team-name")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_canvas_answer_saved_from_an_old_version_is_refused_and_says_to_read_the_partners_first()
    {
        var content = await DemoContent.EnsureAsync(platform);
        await using var browser = await Chromium.LaunchAsync();
        await using var first = await WebSession.SignedInAsync(browser, platform, "school@cocreation.test");
        await using var second = await WebSession.SignedInAsync(browser, platform, "school@cocreation.test");
        var path = $"/projects/{content.ProjectInAgreementId}/canvas/values";
        await first.GotoAsync(path);
        await second.GotoAsync(path);

        await first.Page.Locator("#canvas-text").FillAsync("Openness, and the pupils' voice first.");
        await first.Page.GetByRole(AriaRole.Button, new() { Name = "Save the answer" }).ClickAsync();
        await Assertions.Expect(first.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The answer is saved.");
        await second.Page.Locator("#canvas-text").FillAsync("Something else entirely.");
        await second.Page.GetByRole(AriaRole.Button, new() { Name = "Save the answer" }).ClickAsync();

        await Assertions.Expect(second.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("A partner changed this answer meanwhile.");
        await first.GotoAsync($"/projects/{content.ProjectInAgreementId}");
        Assert.Contains("the pupils' voice first", await first.Page.Locator("#canvas-values").Locator("..").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feedback_poster_carries_a_QR_code_and_the_address_of_the_light_feedback_page()
    {
        var content = await DemoContent.EnsureAsync(platform);
        await using var browser = await Chromium.LaunchAsync();
        await using var school = await WebSession.SignedInAsync(browser, platform, "school@cocreation.test");
        await school.GotoAsync($"/projects/{content.ProjectId}/activities/{content.Pilot.ActivityId}/poster");

        Assert.EndsWith($"/feedback/{content.Pilot.FeedbackToken}", (await school.Page.Locator(".poster-link").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await Assertions.Expect(school.Page.GetByRole(AriaRole.Img, new() { Name = "QR code to the feedback page" })).ToBeVisibleAsync();
        Assert.True((await school.Page.Locator(".qr-code path").GetAttributeAsync("d"))!.Length > 1000, "The QR code has hardly any modules.");
        await school.ScreenshotAsync("feedback-poster");
        // The link is the team's to hand out: someone signed in for no part of the project is not shown it.
        await using var visitor = await WebSession.SignedInAsync(browser, platform, "moderator@cocreation.test");
        await visitor.GotoAsync($"/projects/{content.ProjectId}/activities/{content.Pilot.ActivityId}/poster", 403);
    }

    [Fact]
    public async Task On_the_light_feedback_page_Enter_in_the_word_sends_nothing_and_a_tap_on_a_rating_sends_it()
    {
        var content = await DemoContent.EnsureAsync(platform);
        async Task<int> CountAsync() => (await platform.Gateway.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/projects/{content.ProjectInAgreementId}/evaluations/summary"))
            .GetProperty("count").GetInt32();
        var before = await CountAsync();
        await using var browser = await Chromium.LaunchAsync();
        await using var parent = await WebSession.OpenAsync(browser, platform);
        await parent.Page.SetViewportSizeAsync(390, 844);
        await parent.GotoAsync($"/feedback/{content.OpenSession.FeedbackToken}");

        await parent.Page.Locator("#feedback-word").FillAsync("Lovely");
        await parent.Page.Locator("#feedback-word").PressAsync("Enter");
        await parent.Page.WaitForTimeoutAsync(1000); // a submission Enter started would have reached the page by now
        Assert.Equal(0, await parent.Page.GetByRole(AriaRole.Status).CountAsync());
        Assert.Equal(before, await CountAsync());

        await parent.Page.Locator("#feedback-group").SelectOptionAsync("parents");
        await parent.Page.GetByRole(AriaRole.Button, new() { Name = "Good", Exact = true }).ClickAsync();
        await Assertions.Expect(parent.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Thank you!");
        Assert.Equal(before + 1, await CountAsync());
        await parent.ScreenshotAsync("light-feedback");
    }

    [Fact]
    public async Task A_buyer_verifies_a_reference_from_a_tender_and_an_altered_one_is_refused()
    {
        var content = await DemoContent.EnsureAsync(platform);
        await using var browser = await Chromium.LaunchAsync();
        using (var api = await platform.Gateway.GetAsync($"/api/v1/projects/{content.ProjectId}/reference"))
        {
            Assert.True(api.IsSuccessStatusCode, $"GET reference: {(int)api.StatusCode} {await api.Content.ReadAsStringAsync()}");
        }
        await using var buyer = await WebSession.OpenAsync(browser, platform);
        var shown = await buyer.Page.GotoAsync($"/references/{content.ProjectId}");
        Assert.True(shown!.Status == 200, platform.BrowserFacingLogTails());
        await Assertions.Expect(buyer.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Verified");
        var signed = await buyer.Page.Locator("#signed-reference").InputValueAsync();

        await buyer.Page.GetByRole(AriaRole.Link, new() { Name = "Check a reference" }).ClickAsync();
        await buyer.Page.Locator("#reference-text").FillAsync(signed);
        await buyer.Page.GetByRole(AriaRole.Button, new() { Name = "Check the reference" }).ClickAsync();
        await Assertions.Expect(buyer.Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Valid: the city signed this reference, and it is unchanged.");
        Assert.Contains("12 dB quieter", await buyer.Page.Locator(".reference-facts").InnerTextAsync(), StringComparison.Ordinal);

        // A better rating typed into the middle part.
        var parts = signed.Split('.');
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace("\"successRating\":4", "\"successRating\":5", StringComparison.Ordinal);
        var altered = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
        await buyer.Page.Locator("#reference-text").FillAsync(altered);
        await buyer.Page.GetByRole(AriaRole.Button, new() { Name = "Check the reference" }).ClickAsync();

        await Assertions.Expect(buyer.Page.Locator("#reference-errors")).ToContainTextAsync("altered");
        Assert.Equal("true", await buyer.Page.Locator("#reference-text").GetAttributeAsync("aria-invalid"));
        Assert.Equal(0, await buyer.Page.Locator(".reference-facts").CountAsync());
    }
}
