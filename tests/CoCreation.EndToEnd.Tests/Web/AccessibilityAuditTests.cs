using System.Net;
using System.Net.Http.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>
/// axe-core's WCAG 2.1 A and AA rules on every page, in Finnish, Swedish and English, signed out and signed in. A
/// serious or critical violation fails the audit; the others are counted and written to the output and to
/// bin/.../screenshots/accessibility-audit.txt.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AccessibilityAuditTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task Every_page_in_every_language_signed_in_and_out_has_no_serious_or_critical_violation()
    {
        var content = await DemoContent.EnsureAsync(platform);
        string[] publicPages =
        [
            "/", "/ideas", $"/ideas?q=canteen&theme=learning-and-teaching&kind=need&sort=most-supported", $"/ideas/{content.IdeaId}",
            "/challenges", $"/challenges/{content.ChallengeId}", "/organisations", $"/organisations/{DemoOrganisations.Company}",
            "/environments", "/projects", $"/projects/{content.ProjectId}", "/register", "/signin-failed", "/no-such-page",
            $"/ideas/{Guid.NewGuid()}", "/account/login", "/open-data", "/register/resend",
            $"/projects/{content.ProjectInAgreementId}", $"/feedback/{content.OpenSession.FeedbackToken}", $"/join/{content.ParticipationToken}", $"/references/{content.ProjectId}", "/references/verify",
        ];
        var comments = await platform.Gateway.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/ideas/{content.IdeaId}/comments");
        var commentId = comments.GetProperty("items")[0].GetProperty("id").GetGuid();
        string[] signedInPages =
        [
            $"/ideas/{content.IdeaId}/comments/{commentId}/report",
            "/ideas/new", $"/ideas/{content.IdeaId}/edit", "/recommended", "/notifications", "/me", "/me/organisation",
            "/me/organisation/members", "/me/organisation/clients", "/me/data", "/me/erase", "/challenges/new", "/me/organisation/webhooks",
            "/me/organisation/environments", "/me/organisation/environments/new", "/me/profile",
            $"/challenges/{content.ChallengeId}/edit", $"/challenges/{content.ChallengeId}/close",
            $"/projects/{content.ProjectInAgreementId}/canvas/tools-and-techniques", $"/projects/{content.ProjectInAgreementId}/agreement/edit",
            $"/projects/{content.ProjectInAgreementId}/activities/new", $"/projects/{content.ProjectId}/activities/{content.Pilot.ActivityId}/poster",
        ];

        await using var browser = await Chromium.LaunchAsync();
        var findings = new List<string>();
        var others = new Dictionary<string, int>();
        var audited = 0;

        async Task AuditAsync(WebSession session, string where)
        {
            var result = await session.Page.RunAxe(Wcag21AA);
            // A page that checked nothing would pass silently: each must have passed rules to count.
            Assert.True(result.Passes.Length > 10, $"axe checked almost nothing on {where}: {result.Passes.Length} rules passed.");
            audited++;
            foreach (var violation in result.Violations)
            {
                var found = $"{where}: {violation.Id} ({violation.Impact}) {violation.Help} at " + string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html));
                if (violation.Impact is "serious" or "critical")
                {
                    findings.Add(found);
                }
                else
                {
                    others[$"{violation.Id} ({violation.Impact})"] = others.GetValueOrDefault($"{violation.Id} ({violation.Impact})") + violation.Nodes.Length;
                    output.WriteLine(found);
                }
            }
        }

        // An open report, so that the moderators' queue is audited with its forms.
        using (var spamReport = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/ideas/{content.IdeaId}/reports")
        {
            Content = JsonContent.Create(new { reason = "spam", details = "Looks like an advert." }),
        }.AsPerson($"auditor-{Guid.NewGuid():N}"))
        {
            using var reported = await platform.Gateway.SendAsync(spamReport);
            Assert.Equal(HttpStatusCode.Accepted, reported.StatusCode);
        }
        string[] moderatorPages = ["/moderation", "/moderation?status=resolved", "/moderation/audit", "/moderation/taxonomy"];

        string[] administratorPages = ["/admin", "/admin?email=partner-member%40cocreation.test", "/admin?email=nobody%40example.org"];

        // Signed out; the school's admin (an organisation's pages); a moderator; an administrator.
        foreach (var who in new[] { "", "school@cocreation.test", "moderator@cocreation.test", "admin@cocreation.test" })
        {
            var signedIn = who.Length > 0;
            await using var session = await OpenAsync(browser, who);
            foreach (var language in new[] { "fi", "sv", "en" })
            {
                await session.Page.GotoAsync($"/language?code={language}&returnUrl=/");
                string[] pages = who switch
                {
                    "" => publicPages,
                    "moderator@cocreation.test" => moderatorPages,
                    "admin@cocreation.test" => administratorPages,
                    _ => [.. publicPages, .. signedInPages, .. await ConfirmationPagesAsync(session)],
                };
                foreach (var path in pages)
                {
                    await session.Page.GotoAsync(path);
                    await AuditAsync(session, $"{(signedIn ? who : "signed out")} {language} {path}");
                }
                if (who == "school@cocreation.test")
                {
                    // What only a form's answer shows: a new client's secret, once.
                    await CreateClientAsync(session);
                    await AuditAsync(session, $"signed in {language} a new client's secret");
                }
            }
        }

        var report = $"{audited} page audits (WCAG 2.1 A and AA rules of axe-core).{Environment.NewLine}" +
            $"Serious or critical: {findings.Count}{Environment.NewLine}" +
            $"Other violations (rule, impact: nodes): {(others.Count == 0 ? "none" : string.Join(", ", others.Select(o => $"{o.Key}: {o.Value}")))}";
        output.WriteLine(report);
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "screenshots", "accessibility-audit.txt"),
            report + Environment.NewLine + string.Join(Environment.NewLine, findings));
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    /// <summary>The pages that ask once more before removing a member or revoking a client (the school's own).</summary>
    private static async Task<string[]> ConfirmationPagesAsync(WebSession session)
    {
        await session.GotoAsync("/me/organisation/members");
        var leave = await session.Page.Locator("table.data-table a[href$='/remove']").First.GetAttributeAsync("href");
        await session.GotoAsync("/me/organisation/clients");
        if (await session.Page.Locator("table.data-table a[href$='/revoke']").CountAsync() == 0)
        {
            await CreateClientAsync(session);
            await session.GotoAsync("/me/organisation/clients");
        }
        var revoke = await session.Page.Locator("table.data-table a[href$='/revoke']").First.GetAttributeAsync("href");
        return [leave!, revoke!, revoke!.Replace("/revoke", "/rotate", StringComparison.Ordinal)];
    }

    private static async Task CreateClientAsync(WebSession session)
    {
        await session.GotoAsync("/me/organisation/clients");
        await session.Page.Locator("#client-name").FillAsync("Audited system");
        await session.Page.Locator("#scope-ideas-read").CheckAsync();
        await session.Page.Locator("form:has(#client-name) button[type=submit]").ClickAsync();
        await Assertions.Expect(session.Page.Locator(".secret-panel")).ToBeVisibleAsync();
    }

    private async Task<WebSession> OpenAsync(ChromiumBrowser browser, string email)
    {
        // axe runs as a script the pages' own policy would refuse; the pages themselves are unchanged.
        var session = await WebSession.OpenAsync(browser, platform, bypassContentSecurityPolicy: true);
        if (email.Length > 0)
        {
            await session.SignInAsync(email, platform.DemoUserPassword);
        }
        return session;
    }
}
