using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntegrationEvents;
using CoCreation.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoCreation.Testing.AuthorisationMatrix;
using static CoCreation.Testing.Caller;

namespace CoCreation.PartnerMatching.FunctionalTests;

/// <summary>The partner-matching service as in production (tokens only), fed ideas through the in-memory harness.</summary>
public sealed class PartnerMatchingWithTokensFactory() : TokensOnlyServiceFactory<Program>("matchingdb")
{
    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    public async Task<T> WithDbAsync<T>(Func<CoCreation.PartnerMatching.Infrastructure.PartnerMatchingDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CoCreation.PartnerMatching.Infrastructure.PartnerMatchingDbContext>());
    }
}

/// <summary>
/// The authorisation matrix of the partner-matching service: every endpoint against every kind of caller. Each case
/// has organisations of its own (the owner, another one, a city unit), so the cases do not depend on each other.
/// </summary>
public sealed class AuthorisationMatrixTests(PartnerMatchingWithTokensFactory factory) : IClassFixture<PartnerMatchingWithTokensFactory>
{
    /// <summary>Makes what a case needs, as its owners would.</summary>
    private sealed class Setup(PartnerMatchingWithTokensFactory factory)
    {
        public CaseOrganisations Organisations { get; } = CaseOrganisations.Fresh();

        public HttpClient As(Caller caller) => factory.CreateClient().WithToken(TestTokens.For(caller, Organisations));

        public async Task ProfilesAsync()
        {
            foreach (var (caller, name) in new[] { (OrganisationAdmin, "Owner Oy"), (OtherOrganisationMember, "Other Oy"), (CityUnitMember, "City library") })
            {
                using var response = await As(caller).PostAsJsonAsync("/api/v1/organisations", Profile(name));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }
        }

        public async Task<Guid> IdeaAsync()
        {
            var idea = new IdeaPublished(Guid.NewGuid(), IdeaKind.Need, "Reading buddies", "Summary", ["learning-and-teaching"], ["library"],
                ["reading"], "fi", "person-org-admin", Organisations.Owner, DateTimeOffset.UtcNow) { Version = 1 };
            var messageId = Guid.NewGuid();
            await factory.Harness.Bus.Publish(idea, (PublishContext<IdeaPublished> c) => c.MessageId = messageId);
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (!await factory.WithDbAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == messageId)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(30);
            }
            return idea.IdeaId;
        }

        /// <summary>An idea of the owner's, with the other organisation's interest in it.</summary>
        public async Task<(Guid Idea, Guid Interest)> InterestAsync()
        {
            await ProfilesAsync();
            var idea = await IdeaAsync();
            using var response = await As(OtherOrganisationMember).PostAsJsonAsync($"/api/v1/ideas/{idea}/interests", new { message = "We would love to." });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
            return (idea, body.GetProperty("id").GetGuid());
        }

        public async Task<(Guid Id, string ETag)> EnvironmentAsync()
        {
            using var created = await As(CityUnitMember).PostAsJsonAsync("/api/v1/environments", Environment);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            using var read = await As(CityUnitMember).GetAsync($"/api/v1/environments/{id}");
            return (id, read.Headers.ETag!.ToString());
        }

        public async Task<string> ProfileETagAsync()
        {
            await ProfilesAsync();
            using var read = await As(OrganisationAdmin).GetAsync($"/api/v1/organisations/{Organisations.Owner}");
            return read.Headers.ETag!.ToString();
        }
    }

    private static Dictionary<string, object?> Profile(string name) => new()
    {
        ["type"] = "company", ["name"] = name, ["competences"] = new[] { "reading" }, ["themes"] = new[] { "learning-and-teaching" },
        ["languages"] = new[] { "fi" }, ["region"] = "Espoo", ["contactChannel"] = "hello@example.org",
    };

    private static readonly object Environment = new
    {
        kind = "library", name = "Reading room", area = "Tapiola, Espoo", ageGroups = new[] { "primary-school" }, capacity = 20,
    };

    private static MatrixCase<Setup> Row(string endpoint, Func<Setup, Task<HttpRequestMessage>> request,
        int anonymous, int member, int otherMember, int organisationAdmin, int moderator, int administrator, int partnerSystem, int cityUnitMember) =>
        AuthorisationMatrix.Row(endpoint, request, anonymous, member, otherMember, organisationAdmin, moderator, administrator, partnerSystem, cityUnitMember);

    //                                                                                                      anon mem  other oadm mod  adm  sys  city
    private static readonly MatrixCase<Setup>[] Cases =
    [
        Row("GET /organisations", _ => Task.FromResult(Send(HttpMethod.Get, "/api/v1/organisations")),                 200, 200, 200, 200, 200, 200, 200, 200),
        Row("POST /organisations", _ => Task.FromResult(Send(HttpMethod.Post, "/api/v1/organisations", Profile("New Oy"))), 401, 201, 201, 201, 403, 403, 201, 201),
        Row("GET /organisations/{id}", async s =>
        {
            await s.ProfilesAsync();
            return Send(HttpMethod.Get, $"/api/v1/organisations/{s.Organisations.Owner}");
        }, 200, 200, 200, 200, 200, 200, 200, 200),
        Row("PUT /organisations/{id}", async s =>
            Send(HttpMethod.Put, $"/api/v1/organisations/{s.Organisations.Owner}", Profile("Owner Group Oy"), await s.ProfileETagAsync()),
            401, 200, 403, 200, 403, 403, 200, 403),
        Row("GET /organisations/{id}/recommended-ideas", async s =>
        {
            await s.ProfilesAsync();
            return Send(HttpMethod.Get, $"/api/v1/organisations/{s.Organisations.Other}/recommended-ideas");
        }, 200, 200, 200, 200, 200, 200, 200, 200),
        Row("GET /environments", _ => Task.FromResult(Send(HttpMethod.Get, "/api/v1/environments")),                   200, 200, 200, 200, 200, 200, 200, 200),
        Row("POST /environments", _ => Task.FromResult(Send(HttpMethod.Post, "/api/v1/environments", Environment)),      401, 403, 403, 403, 403, 403, 403, 201),
        Row("GET /environments/{id}", async s => Send(HttpMethod.Get, $"/api/v1/environments/{(await s.EnvironmentAsync()).Id}"), 200, 200, 200, 200, 200, 200, 200, 200),
        Row("PUT /environments/{id}", async s =>
        {
            var (id, etag) = await s.EnvironmentAsync();
            return Send(HttpMethod.Put, $"/api/v1/environments/{id}", Environment, etag);
        }, 401, 403, 403, 403, 403, 403, 403, 200),
        Row("GET /ideas/{id}/matches", async s => Send(HttpMethod.Get, $"/api/v1/ideas/{await s.IdeaAsync()}/matches"), 200, 200, 200, 200, 200, 200, 200, 200),
        // Another organisation gets the list too, filtered to its own interests (so it can read the owner's answer).
        Row("GET /ideas/{id}/interests", async s => Send(HttpMethod.Get, $"/api/v1/ideas/{(await s.InterestAsync()).Idea}/interests"), 401, 200, 200, 200, 200, 200, 200, 200),
        Row("POST /ideas/{id}/interests", async s =>
        {
            await s.ProfilesAsync();
            return Send(HttpMethod.Post, $"/api/v1/ideas/{await s.IdeaAsync()}/interests", new { message = "Count us in." });
        }, 401, 409, 201, 409, 403, 403, 409, 201),
        Row("POST /ideas/{id}/interests/{i}/accept", async s =>
        {
            var (idea, interest) = await s.InterestAsync();
            return Send(HttpMethod.Post, $"/api/v1/ideas/{idea}/interests/{interest}/accept", new { reply = "Welcome!" });
        }, 401, 200, 403, 200, 403, 403, 200, 403),
        Row("POST /ideas/{id}/interests/{i}/decline", async s =>
        {
            var (idea, interest) = await s.InterestAsync();
            return Send(HttpMethod.Post, $"/api/v1/ideas/{idea}/interests/{interest}/decline", new { reply = "Not this time." });
        }, 401, 200, 403, 200, 403, 403, 200, 403),
    ];

    public static TheoryData<string, Caller> EveryEndpointAndCaller() => AuthorisationMatrix.EveryEndpointAndCaller(Cases);

    [Theory]
    [MemberData(nameof(EveryEndpointAndCaller))]
    public async Task Each_caller_gets_the_status_the_rules_give(string endpoint, Caller caller)
    {
        var setup = new Setup(factory);
        await AuthorisationMatrix.AssertStatusAsync(Cases, endpoint, caller, setup, setup.As);
    }

    [Fact]
    public async Task The_owner_sees_every_interest_and_another_organisation_only_its_own()
    {
        var setup = new Setup(factory);
        var (idea, interest) = await setup.InterestAsync();
        using (var second = await setup.As(CityUnitMember).PostAsJsonAsync($"/api/v1/ideas/{idea}/interests", new { message = "Our library too." }))
        {
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        }

        async Task<List<Guid>> InterestsSeenBy(Caller caller) =>
            [.. (await setup.As(caller).GetFromJsonAsync<JsonElement>($"/api/v1/ideas/{idea}/interests")).EnumerateArray().Select(i => i.GetProperty("interestedOrganisationId").GetGuid())];

        Assert.Equal(2, (await InterestsSeenBy(Member)).Count);
        Assert.Equal([setup.Organisations.Other], await InterestsSeenBy(OtherOrganisationMember));
        Assert.Equal([setup.Organisations.CityUnit], await InterestsSeenBy(CityUnitMember));
        Assert.Equal(2, (await InterestsSeenBy(Moderator)).Count);
        Assert.NotEqual(Guid.Empty, interest);
    }
}
