using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>
/// Something on every page for the audit and the language tests, arranged through the public API once per platform:
/// an open challenge, a need answering it, a comment with a reply, and a project from an accepted interest, walked
/// along the whole roadmap to completion; a second project in its agreement, with a team member and a parent's personal link.
/// The people act through the development headers, as the demo organisations' members.
/// </summary>
/// <param name="Pilot">The completed project's pilot session: its poster, and feedback that is closed with the project.</param>
/// <param name="OpenSession">A session of the project under way whose light feedback is open, for pupils, teachers and parents.</param>
public sealed record DemoContent(Guid ChallengeId, Guid IdeaId, Guid ProjectId, PilotSession Pilot, Guid ProjectInAgreementId, string ParticipationToken, PilotSession OpenSession)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (PlatformFixture Platform, DemoContent Content)? _arranged;

    public static async Task<DemoContent> EnsureAsync(PlatformFixture platform)
    {
        await DemoOrganisations.EnsureProfilesAsync(platform);
        await Once.WaitAsync();
        try
        {
            if (_arranged is { } arranged && ReferenceEquals(arranged.Platform, platform))
            {
                return arranged.Content;
            }
            var content = await ArrangeAsync(platform);
            _arranged = (platform, content);
            return content;
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task<DemoContent> ArrangeAsync(PlatformFixture platform)
    {
        var gateway = platform.Gateway;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var challenge = await SendAsync(gateway, HttpMethod.Post, "/api/v1/challenges", School(), new
        {
            title = "Quieter lunch breaks", summary = "How could the school canteen be calmer at lunch?", description = "Ideas welcome from **anyone**.",
            themes = new[] { "learning-and-teaching" }, environment = "school", opensOn = today.AddDays(-1), closesOn = today.AddDays(30),
        });
        var idea = await SendAsync(gateway, HttpMethod.Post, "/api/v1/ideas", School(), new
        {
            kind = "need", title = "Sound-absorbing canteen", summary = "Panels and habits that make the canteen quieter.",
            description = "We measured **85 dB** at noon.", themes = new[] { "learning-and-teaching" }, environments = new[] { "school" },
            soughtCompetences = new[] { "acoustics", "game design" }, language = "en", challengeId = challenge.GetProperty("id").GetGuid(),
        });
        var ideaId = idea.GetProperty("id").GetGuid();
        var comment = await SendAsync(gateway, HttpMethod.Post, $"/api/v1/ideas/{ideaId}/comments", Company(), new { body = "We could *measure* it together." });
        await SendAsync(gateway, HttpMethod.Post, $"/api/v1/ideas/{ideaId}/comments", School(), new { body = "Yes please!", parentCommentId = comment.GetProperty("id").GetGuid() });

        // Partner matching learns of the idea over the broker: interest is possible once it has.
        var interest = await RetryAsync(() => TrySendAsync(gateway, HttpMethod.Post, $"/api/v1/ideas/{ideaId}/interests", Company(), new { message = "We build quiet spaces." }));
        await SendAsync(gateway, HttpMethod.Post, $"/api/v1/ideas/{ideaId}/interests/{interest.GetProperty("id").GetGuid()}/accept", School(), new { reply = "Welcome!" });
        var project = await RetryAsync(() => TrySendAsync(gateway, HttpMethod.Post, "/api/v1/projects", School(), new { ideaId, title = "Quiet canteen", summary = "Panels and new habits." }));
        var projectId = project.GetProperty("id").GetGuid();
        await AwaitCompanyAsync(platform, projectId);
        // Along the roadmap, in the school's own canteen: the school and the company accept the agreement.
        var school = new Party(School().Person, School().Organisation, School().Roles);
        var canteen = await ProjectLifecycleCalls.HostAsync(gateway, projectId, school, school, "Demo school canteen");
        var pilot = await ProjectLifecycleCalls.ToEvaluationAsync(gateway, projectId, [school, new Party(Company().Person, Company().Organisation)]);
        await SendAsync(gateway, HttpMethod.Post, $"/api/v1/projects/{projectId}/complete", School(), new
        {
            outcome = "The canteen is 12 dB quieter.", successRating = 4, reference = "Careful measurements and good humour.",
        });

        // A second project, under way: its agreement waits for both to accept, so the project page shows its forms.
        var second = await SendAsync(gateway, HttpMethod.Post, "/api/v1/ideas", School(), new
        {
            kind = "need", title = "Reading corner", summary = "A calm corner for reading breaks.", description = "For grades 1-2.",
            themes = new[] { "learning-and-teaching" }, environments = new[] { "school" }, language = "en",
        });
        var secondId = second.GetProperty("id").GetGuid();
        var secondInterest = await RetryAsync(() => TrySendAsync(gateway, HttpMethod.Post, $"/api/v1/ideas/{secondId}/interests", Company(), new { message = "We furnish quiet corners." }));
        await SendAsync(gateway, HttpMethod.Post, $"/api/v1/ideas/{secondId}/interests/{secondInterest.GetProperty("id").GetGuid()}/accept", School(), new { reply = "Welcome!" });
        var inAgreement = await RetryAsync(() => TrySendAsync(gateway, HttpMethod.Post, "/api/v1/projects", School(), new { ideaId = secondId, title = "Reading corner" }));
        var inAgreementId = inAgreement.GetProperty("id").GetGuid();
        await AwaitCompanyAsync(platform, inAgreementId);
        await ProjectLifecycleCalls.ToAgreementAsync(gateway, inAgreementId, school);
        await SendAsync(gateway, HttpMethod.Put, $"/api/v1/projects/{inAgreementId}/team/me", Company(), new { name = "Kim Demo", role = "coordinator" });
        var parent = await SendAsync(gateway, HttpMethod.Post, $"/api/v1/projects/{inAgreementId}/light-participants", School(), new { label = "Parent, class 1A", group = "parents" });
        // A try-out in the canteen that has just ended: its light feedback is open (a completed project's is not).
        var tryOut = await SendAsync(gateway, HttpMethod.Post, $"/api/v1/projects/{inAgreementId}/activities", School(), new
        {
            kind = "workshop", title = "Reading corner try-out", environmentId = canteen, stakeholderGroups = new[] { "pupils", "teachers", "parents" },
            startsAt = DateTime.UtcNow.AddHours(-2).ToString("O"), endsAt = DateTime.UtcNow.AddHours(-1).ToString("O"),
        });
        return new DemoContent(challenge.GetProperty("id").GetGuid(), ideaId, projectId, pilot, inAgreementId, parent.GetProperty("token").GetString()!,
            new PilotSession(tryOut.GetProperty("id").GetGuid(), tryOut.GetProperty("feedbackToken").GetString()!));
    }

    /// <summary>The company joins the project over the broker; if it never does, the failure says what the services logged.</summary>
    private static async Task AwaitCompanyAsync(PlatformFixture platform, Guid projectId)
    {
        try
        {
            await ProjectLifecycleCalls.AwaitPartnerAsync(platform.Gateway, projectId, DemoOrganisations.Company);
        }
        catch (Xunit.Sdk.XunitException missing)
        {
            throw new InvalidOperationException($"{missing.Message} What projects and partner matching logged:{Environment.NewLine}" +
                $"{platform.ResourceLogTail("projects", 80)}{Environment.NewLine}--- partner-matching:{Environment.NewLine}{platform.ResourceLogTail("partner-matching", 40)}", missing);
        }
    }

    private static (string Person, Guid Organisation, string Roles) School() => ("demo-school-teacher", DemoOrganisations.School, "city-unit");

    private static (string Person, Guid Organisation, string Roles) Company() => ("demo-company-lead", DemoOrganisations.Company, "");

    private static async Task<JsonElement> SendAsync(HttpClient gateway, HttpMethod method, string path, (string Person, Guid Organisation, string Roles) actor, object body) =>
        await TrySendAsync(gateway, method, path, actor, body) ?? throw new InvalidOperationException($"{method} {path} was refused; see the message above.");

    private static async Task<JsonElement?> TrySendAsync(HttpClient gateway, HttpMethod method, string path, (string Person, Guid Organisation, string Roles) actor, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) }.AsPerson(actor.Person, actor.Organisation);
        if (actor.Roles.Length > 0)
        {
            request.Headers.Add("X-Dev-Roles", actor.Roles);
        }
        using var response = await gateway.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound || (int)response.StatusCode == 422)
        {
            return null; // not there yet: the event is still on its way
        }
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default(JsonElement) : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>An attempt repeated (the fixture's bounded wait) while its event is still on its way.</summary>
    private static async Task<JsonElement> RetryAsync(Func<Task<JsonElement?>> attempt)
    {
        var done = await Eventually.MatchAsync(attempt, result => result is not null, TimeSpan.FromSeconds(60));
        Assert.True(done is not null, "The idea's events never reached partner matching and projects.");
        return done.Value;
    }
}
