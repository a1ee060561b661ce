using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CoCreation.EndToEnd.Tests;

/// <summary>The pilot session a walk schedules: its id and its light-feedback token.</summary>
public sealed record PilotSession(Guid ActivityId, string FeedbackToken);

/// <summary>Someone acting through the development headers: a person, the organisation they act for, their platform roles.</summary>
public sealed record Party(string Person, Guid Organisation, string Roles = "");

/// <summary>
/// A started project walked along the CoSIE roadmap through the gateway, as its team would: the canvas, the agreement
/// every organisation accepts, a pilot session in the host's environment with light feedback, and the team's own
/// evaluation, up to the evaluation phase. Used by the journeys and by the web's demo content.
/// </summary>
public static class ProjectLifecycleCalls
{
    public static readonly string[] CanvasQuestions =
        ["context", "aims-and-why", "values", "capacities-and-resources", "barriers-and-contradictions", "tools-and-techniques"];

    public static async Task<JsonElement> SendAsync(HttpClient gateway, HttpMethod method, string path, Party? actor, object? body,
        HttpStatusCode expected = HttpStatusCode.OK, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (actor is not null)
        {
            request.AsPerson(actor.Person, actor.Organisation);
            if (actor.Roles.Length > 0)
            {
                request.Headers.Add("X-Dev-Roles", actor.Roles);
            }
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        using var response = await gateway.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// Waits until the partner is in the project. The owner may start the project before PartnershipAgreed reaches
    /// projects (it then starts by hand); the partnership, arriving, brings its partners in.
    /// </summary>
    public static async Task AwaitPartnerAsync(HttpClient gateway, Guid projectId, Guid partner)
    {
        var partners = await Eventually.MatchAsync(
            async () => (await SendAsync(gateway, HttpMethod.Get, $"/api/v1/projects/{projectId}", null, null)).GetProperty("partnerOrganisationIds")
                .EnumerateArray().Select(p => p.GetGuid()).ToList(),
            ids => ids.Contains(partner), TimeSpan.FromSeconds(60));
        Assert.True(partners.Contains(partner), $"The partnership never brought {partner} into project {projectId}.");
    }

    /// <summary>The city unit registers a real environment; once projects has heard of it over the broker, the owner hosts the pilot there.</summary>
    public static async Task<Guid> HostAsync(HttpClient gateway, Guid projectId, Party owner, Party host, string name)
    {
        var environment = await SendAsync(gateway, HttpMethod.Post, "/api/v1/environments", host,
            new { kind = "school", name, area = "Tapiola, Espoo", capacity = 30 }, HttpStatusCode.Created);
        var environmentId = environment.GetProperty("id").GetGuid();
        var status = await Eventually.MatchAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/projects/{projectId}/environment") { Content = JsonContent.Create(new { environmentId }) }
                .AsPerson(owner.Person, owner.Organisation);
            using var response = await gateway.SendAsync(request);
            return response.StatusCode;
        }, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(60));
        Assert.True(status == HttpStatusCode.OK, $"The projects service never heard of environment {environmentId} (EnvironmentChanged over the broker): {status}");
        return environmentId;
    }

    /// <summary>
    /// From planning to evaluation. Every organisation in <paramref name="participants"/> (the owner first) accepts the
    /// agreement; a pupil answers the pilot session's light-feedback link; the owner's teachers evaluate.
    /// </summary>
    public static async Task<PilotSession> ToEvaluationAsync(HttpClient gateway, Guid projectId, IReadOnlyList<Party> participants)
    {
        var owner = participants[0];
        var project = $"/api/v1/projects/{projectId}";
        await ToAgreementAsync(gateway, projectId, owner);
        var agreement = await SendAsync(gateway, HttpMethod.Get, $"{project}/agreement", null, null);
        foreach (var participant in participants)
        {
            await SendAsync(gateway, HttpMethod.Post, $"{project}/agreement/acceptances", participant, new { version = agreement.GetProperty("version").GetInt32() });
        }
        await SendAsync(gateway, HttpMethod.Post, $"{project}/phase", owner, new { phase = "piloting" });
        var session = await SendAsync(gateway, HttpMethod.Post, $"{project}/activities", owner, new
        {
            kind = "pilot-session", title = "First play-test with pupils", stakeholderGroups = new[] { "pupils", "teachers" },
            startsAt = DateTime.UtcNow.AddHours(-2).ToString("O"), endsAt = DateTime.UtcNow.AddHours(-1).ToString("O"),
        }, HttpStatusCode.Created);
        var token = session.GetProperty("feedbackToken").GetString()!;
        await SendAsync(gateway, HttpMethod.Post, $"/api/v1/feedback/{token}", null, new { rating = 5, word = "Fun", group = "pupils" }, HttpStatusCode.Created);
        await SendAsync(gateway, HttpMethod.Post, $"{project}/evaluations", owner,
            new { group = "teachers", rating = 4, text = "Pupils stayed focused for the whole lesson.", activityId = session.GetProperty("id").GetGuid() },
            HttpStatusCode.Created);
        await SendAsync(gateway, HttpMethod.Post, $"{project}/phase", owner, new { phase = "evaluation" });
        return new PilotSession(session.GetProperty("id").GetGuid(), token);
    }

    /// <summary>From planning to agreement: the canvas answered, the phase moved, and the agreement's first version written.</summary>
    public static async Task ToAgreementAsync(HttpClient gateway, Guid projectId, Party owner)
    {
        var project = $"/api/v1/projects/{projectId}";
        foreach (var question in CanvasQuestions)
        {
            await SendAsync(gateway, HttpMethod.Put, $"{project}/canvas/{question}", owner, new
            {
                text = $"The team's answer to {question}.",
                tools = question == "tools-and-techniques" ? new[] { "community-reporting", "design-techniques" } : null,
            }, ifMatch: "\"0\"");
        }
        await SendAsync(gateway, HttpMethod.Post, $"{project}/phase", owner, new { phase = "agreement" });
        await SendAsync(gateway, HttpMethod.Put, $"{project}/agreement", owner,
            new { additionalTerms = "Results made together are shared by the school and the company." }, ifMatch: "\"0\"");
    }
}
