using System.Net;
using System.Net.Http.Json;
using CoCreation.Testing;
using static CoCreation.Testing.AuthorisationMatrix;
using static CoCreation.Testing.Caller;

namespace CoCreation.Ideas.FunctionalTests;

/// <summary>
/// The authorisation matrix of the ideas service: every endpoint against every kind of caller, with the status each
/// must get, on the service as in production (tokens only). The owner organisation's ideas are made fresh for each
/// case, so the cases do not depend on each other.
/// </summary>
public sealed class AuthorisationMatrixTests(IdeasWithTokensFactory factory) : IClassFixture<IdeasWithTokensFactory>
{
    private static readonly CaseOrganisations Organisations = new(IdeasTestKit.Company, IdeasTestKit.Library, IdeasTestKit.School);

    /// <summary>Makes the resources a case needs, as their owners would.</summary>
    private sealed class Setup(IdeasWithTokensFactory factory)
    {
        public HttpClient As(Caller caller) => factory.CreateClient().WithToken(TestTokens.For(caller, Organisations));

        public async Task<(Guid Id, string ETag)> IdeaAsync(bool draft = false)
        {
            var owner = As(OrganisationAdmin);
            var idea = await IdeasTestKit.CreateIdeaAsync(owner, draft: draft);
            using var read = await owner.GetAsync($"/api/v1/ideas/{idea.Id()}");
            return (idea.Id(), read.Headers.ETag!.ToString());
        }

        /// <summary>A challenge of the city unit's, as its own people publish it.</summary>
        public async Task<(Guid Id, string ETag)> ChallengeAsync()
        {
            using var response = await As(CityUnitMember).PostAsJsonAsync("/api/v1/challenges", Challenge);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).Id();
            return (id, response.Headers.ETag!.ToString());
        }

        public async Task<Guid> CommentAsync(Guid idea)
        {
            using var response = await As(Member).PostAsJsonAsync($"/api/v1/ideas/{idea}/comments", new { body = "A first comment." });
            return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).Id();
        }
    }

    private static MatrixCase<Setup> Row(string endpoint, Func<Setup, Task<HttpRequestMessage>> request,
        int anonymous, int member, int otherMember, int organisationAdmin, int moderator, int administrator, int partnerSystem, int cityUnitMember) =>
        AuthorisationMatrix.Row(endpoint, request, anonymous, member, otherMember, organisationAdmin, moderator, administrator, partnerSystem, cityUnitMember);

    private static readonly object Term = new { nameFi = "Testi", nameSv = "Test", nameEn = "Test" };

    private static readonly object Challenge = new
    {
        title = "Quieter school yards", summary = "How might the yard be calmer at breaks?", themes = new[] { "learning-and-teaching" }, environment = "school",
        opensOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), closesOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    //                                                                                            anon mem  other oadm mod  adm  sys  city
    private static readonly MatrixCase<Setup>[] Cases =
    [
        Row("GET /ideas", _ => Task.FromResult(Send(HttpMethod.Get, "/api/v1/ideas")),                          200, 200, 200, 200, 200, 200, 200, 200),
        Row("GET /ideas/{published}", async s => Send(HttpMethod.Get, $"/api/v1/ideas/{(await s.IdeaAsync()).Id}"), 200, 200, 200, 200, 200, 200, 200, 200),
        Row("GET /ideas/{draft}", async s => Send(HttpMethod.Get, $"/api/v1/ideas/{(await s.IdeaAsync(draft: true)).Id}"), 404, 200, 404, 200, 200, 200, 200, 404),
        Row("GET /ideas/{id}/versions", async s => Send(HttpMethod.Get, $"/api/v1/ideas/{(await s.IdeaAsync()).Id}/versions"), 200, 200, 200, 200, 200, 200, 200, 200),
        Row("POST /ideas", _ => Task.FromResult(Send(HttpMethod.Post, "/api/v1/ideas", IdeasTestKit.ValidIdea())), 401, 201, 201, 201, 403, 403, 201, 201),
        Row("PUT /ideas/{id}", async s =>
        {
            var (id, etag) = await s.IdeaAsync();
            return Send(HttpMethod.Put, $"/api/v1/ideas/{id}", IdeasTestKit.ValidIdea("A better title"), etag);
        }, 401, 200, 403, 200, 403, 403, 200, 403),
        Row("POST /ideas/{draft}/publish", async s => Send(HttpMethod.Post, $"/api/v1/ideas/{(await s.IdeaAsync(draft: true)).Id}/publish"), 401, 200, 404, 200, 403, 403, 200, 404),
        Row("POST /ideas/{id}/withdraw", async s => Send(HttpMethod.Post, $"/api/v1/ideas/{(await s.IdeaAsync()).Id}/withdraw"), 401, 200, 403, 200, 403, 403, 200, 403),
        Row("POST /ideas/{id}/archive", async s => Send(HttpMethod.Post, $"/api/v1/ideas/{(await s.IdeaAsync()).Id}/archive", new { reason = "Out of date" }), 401, 403, 403, 403, 200, 200, 403, 403),
        Row("POST /ideas/{id}/hide", async s => Send(HttpMethod.Post, $"/api/v1/ideas/{(await s.IdeaAsync()).Id}/hide", new { reason = "Off topic" }), 401, 403, 403, 403, 204, 204, 403, 403),
        Row("POST /ideas/{id}/comments/{c}/hide", async s =>
        {
            var (id, _) = await s.IdeaAsync();
            return Send(HttpMethod.Post, $"/api/v1/ideas/{id}/comments/{await s.CommentAsync(id)}/hide", new { reason = "Rude" });
        }, 401, 403, 403, 403, 204, 204, 403, 403),
        Row("GET /ideas/{id}/comments", async s => Send(HttpMethod.Get, $"/api/v1/ideas/{(await s.IdeaAsync()).Id}/comments"), 200, 200, 200, 200, 200, 200, 200, 200),
        Row("POST /ideas/{id}/comments", async s => Send(HttpMethod.Post, $"/api/v1/ideas/{(await s.IdeaAsync()).Id}/comments", new { body = "Count us in!" }), 401, 201, 201, 201, 201, 201, 201, 201),
        Row("PUT /ideas/{id}/support", async s => Send(HttpMethod.Put, $"/api/v1/ideas/{(await s.IdeaAsync()).Id}/support"), 401, 204, 204, 204, 204, 204, 204, 204),
        Row("PUT /ideas/{id}/follow", async s => Send(HttpMethod.Put, $"/api/v1/ideas/{(await s.IdeaAsync()).Id}/follow"), 401, 204, 204, 204, 204, 204, 204, 204),
        Row("POST /ideas/{id}/reports", async s => Send(HttpMethod.Post, $"/api/v1/ideas/{(await s.IdeaAsync()).Id}/reports", new { reason = "spam" }), 401, 202, 202, 202, 202, 202, 202, 202),
        Row("GET /moderation/reports", _ => Task.FromResult(Send(HttpMethod.Get, "/api/v1/moderation/reports")), 401, 403, 403, 403, 200, 200, 403, 403),
        Row("GET /moderation/actions", _ => Task.FromResult(Send(HttpMethod.Get, "/api/v1/moderation/actions")), 401, 403, 403, 403, 200, 200, 403, 403),
        Row("GET /taxonomy", _ => Task.FromResult(Send(HttpMethod.Get, "/api/v1/taxonomy")), 200, 200, 200, 200, 200, 200, 200, 200),
        Row("GET /themes", _ => Task.FromResult(Send(HttpMethod.Get, "/api/v1/themes")), 200, 200, 200, 200, 200, 200, 200, 200),
        Row("PUT /taxonomy/{facet}/{code}", _ => Task.FromResult(Send(HttpMethod.Put, $"/api/v1/taxonomy/theme/matrix-{Guid.NewGuid().ToString("N")[..12]}", Term)), 401, 403, 403, 403, 200, 200, 403, 403),
        Row("GET /challenges", _ => Task.FromResult(Send(HttpMethod.Get, "/api/v1/challenges")), 200, 200, 200, 200, 200, 200, 200, 200),
        Row("POST /challenges", _ => Task.FromResult(Send(HttpMethod.Post, "/api/v1/challenges", Challenge)), 401, 403, 403, 403, 403, 403, 403, 201),
        Row("PUT /challenges/{id}", async s =>
        {
            var (id, etag) = await s.ChallengeAsync();
            return Send(HttpMethod.Put, $"/api/v1/challenges/{id}", Challenge, etag);
        }, 401, 403, 403, 403, 403, 403, 403, 200),
        Row("POST /challenges/{id}/close", async s => Send(HttpMethod.Post, $"/api/v1/challenges/{(await s.ChallengeAsync()).Id}/close"), 401, 403, 403, 403, 403, 403, 403, 200),
    ];

    public static TheoryData<string, Caller> EveryEndpointAndCaller() => AuthorisationMatrix.EveryEndpointAndCaller(Cases);

    [Theory]
    [MemberData(nameof(EveryEndpointAndCaller))]
    public async Task Each_caller_gets_the_status_the_rules_give(string endpoint, Caller caller)
    {
        var setup = new Setup(factory);
        await AuthorisationMatrix.AssertStatusAsync(Cases, endpoint, caller, setup, setup.As);
    }
}
