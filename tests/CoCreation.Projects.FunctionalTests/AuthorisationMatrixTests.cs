using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntegrationEvents;
using CoCreation.Projects.Infrastructure;
using CoCreation.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoCreation.Testing.AuthorisationMatrix;
using static CoCreation.Testing.Caller;

namespace CoCreation.Projects.FunctionalTests;

/// <summary>The projects service as in production: tokens only.</summary>
public sealed class ProjectsWithTokensFactory() : TokensOnlyServiceFactory<Program>("projectsdb");

/// <summary>The authorisation matrix of the projects service: projects are public; the idea's organisation starts and completes them.</summary>
public sealed class AuthorisationMatrixTests(ProjectsWithTokensFactory factory) : IClassFixture<ProjectsWithTokensFactory>
{
    private sealed class Setup(ProjectsWithTokensFactory factory)
    {
        public CaseOrganisations Organisations { get; } = CaseOrganisations.Fresh();

        public IServiceProvider Services => factory.Services;

        public HttpClient As(Caller caller) => factory.CreateClient().WithToken(TestTokens.For(caller, Organisations));

        /// <summary>An idea of the owner's whose partnership with the other organisation is agreed.</summary>
        public async Task<Guid> AgreedIdeaAsync()
        {
            var agreed = new PartnershipAgreed(Guid.NewGuid(), Guid.NewGuid(), Organisations.Owner, [Organisations.Other], null, DateTimeOffset.UtcNow);
            await EventDelivery.DeliverAsync(factory.Services, agreed);
            return agreed.IdeaId;
        }

        public ProjectJourney Journey => new(factory.Services, () => As(OrganisationAdmin), Organisations.Owner, () => As(OtherOrganisationMember), Organisations.Other);

        /// <summary>A project whose agreement's first version is written, for the participants to accept.</summary>
        public async Task<Guid> AgreementToAcceptAsync()
        {
            var journey = Journey;
            var id = await journey.StartAsync();
            await journey.WriteAgreementAsync(id);
            return id;
        }

        /// <summary>A project hosted in a registered environment, and that environment's id.</summary>
        public async Task<(Guid Project, Guid Environment)> HostedProjectAsync()
        {
            var journey = Journey;
            var id = await journey.StartAsync();
            await journey.HostAsync(id);
            return (id, journey.EnvironmentId);
        }

        public async Task<Guid> CompletedProjectAsync()
        {
            var id = await Journey.InEvaluationAsync();
            using var response = await As(OrganisationAdmin).PostAsJsonAsync($"/api/v1/projects/{id}/complete", new { outcome = "Done.", successRating = 4 });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return id;
        }

        public async Task<string> FeedbackTokenAsync()
        {
            var (project, environment) = await HostedProjectAsync();
            using var response = await As(OrganisationAdmin).PostAsJsonAsync($"/api/v1/projects/{project}/activities", new
            {
                kind = "workshop", title = "Design workshop", environmentId = environment,
                startsAt = DateTime.UtcNow.AddHours(-1).ToString("O"), endsAt = DateTime.UtcNow.AddHours(1).ToString("O"),
            });
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("feedbackToken").GetString()!;
        }

        /// <summary>A project whose owner invited the city unit to join it: the project's id and the invitation's.</summary>
        public async Task<(Guid Project, Guid Invitation)> CityUnitInvitedAsync()
        {
            var project = await ProjectAsync();
            await EventDelivery.DeliverAsync(factory.Services, new OrganisationProfileChanged(Organisations.CityUnit, "Sello Library", "city-unit", DateTimeOffset.UtcNow));
            using var response = await As(OrganisationAdmin).PostAsJsonAsync($"/api/v1/projects/{project}/invitations", new { organisationId = Organisations.CityUnit });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (project, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        /// <summary>A light participant of a fresh project: the project, the participant and the personal link's token.</summary>
        public async Task<(Guid Project, Guid Participant, string Token)> LightParticipantAsync()
        {
            var project = await ProjectAsync();
            using var response = await As(OrganisationAdmin).PostAsJsonAsync($"/api/v1/projects/{project}/light-participants", new { label = "A parent", group = "parents" });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (project, body.GetProperty("id").GetGuid(), body.GetProperty("token").GetString()!);
        }

        /// <summary>A fresh project in whose team the owner's admin took a role: the project and the team member's id.</summary>
        public async Task<(Guid Project, Guid Member)> TeamMemberAsync()
        {
            var project = await ProjectAsync();
            using var response = await As(OrganisationAdmin).PutAsJsonAsync($"/api/v1/projects/{project}/team/me", new { name = "Anna", role = "coordinator" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (project, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        public async Task<Guid> ProjectAsync()
        {
            using var response = await As(OrganisationAdmin).PostAsJsonAsync("/api/v1/projects", new { ideaId = await AgreedIdeaAsync(), title = "A project" });
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }

    private static MatrixCase<Setup> Row(string endpoint, Func<Setup, Task<HttpRequestMessage>> request,
        int anonymous, int member, int otherMember, int organisationAdmin, int moderator, int administrator, int partnerSystem, int cityUnitMember) =>
        AuthorisationMatrix.Row(endpoint, request, anonymous, member, otherMember, organisationAdmin, moderator, administrator, partnerSystem, cityUnitMember);

    //                                                                                                          anon mem  other oadm mod  adm  sys  city
    private static readonly MatrixCase<Setup>[] Cases =
    [
        Row("GET /projects", _ => Task.FromResult(Send(HttpMethod.Get, "/api/v1/projects")),                             200, 200, 200, 200, 200, 200, 200, 200),
        Row("GET /projects/{id}", async s => Send(HttpMethod.Get, $"/api/v1/projects/{await s.ProjectAsync()}"),         200, 200, 200, 200, 200, 200, 200, 200),
        // The partner organisation takes part in the project but does not start it: the idea's organisation does.
        Row("POST /projects", async s => Send(HttpMethod.Post, "/api/v1/projects", new { ideaId = await s.AgreedIdeaAsync(), title = "A project" }),
                                                                                                                         401, 201, 403, 201, 403, 403, 201, 403),
        Row("POST /projects/{id}/complete", async s => Send(HttpMethod.Post, $"/api/v1/projects/{await s.Journey.InEvaluationAsync()}/complete", new { outcome = "Done.", successRating = 4 }),
                                                                                                                         401, 200, 403, 200, 403, 403, 200, 403),
        Row("GET /projects/{id}/canvas", async s => Send(HttpMethod.Get, $"/api/v1/projects/{await s.ProjectAsync()}/canvas"), 200, 200, 200, 200, 200, 200, 200, 200),
        Row("GET /projects/{id}/gates", async s => Send(HttpMethod.Get, $"/api/v1/projects/{await s.ProjectAsync()}/gates"),   200, 200, 200, 200, 200, 200, 200, 200),
        // Every organisation in the project writes its canvas, the partner too.
        Row("PUT /projects/{id}/canvas/{question}", async s => Send(HttpMethod.Put, $"/api/v1/projects/{await s.ProjectAsync()}/canvas/values",
            new { text = "Openness." }, "\"0\""),                                                                            401, 200, 200, 200, 403, 403, 200, 403),
        Row("POST /projects/{id}/phase", async s => Send(HttpMethod.Post, $"/api/v1/projects/{await s.ProjectAsync()}/phase",
            new { phase = "discontinued", reason = "The pilot school closed." }),                                              401, 200, 403, 200, 403, 403, 200, 403),
        // The owner invites; the project's organisations and the invited one see the invitations; the invited one answers.
        Row("GET /projects/{id}/invitations", async s => Send(HttpMethod.Get, $"/api/v1/projects/{(await s.CityUnitInvitedAsync()).Project}/invitations"),
                                                                                                                         401, 200, 200, 200, 403, 403, 200, 200),
        Row("POST /projects/{id}/invitations", async s =>
        {
            var project = await s.ProjectAsync();
            await EventDelivery.DeliverAsync(s.Services, new OrganisationProfileChanged(s.Organisations.CityUnit, "Sello Library", "city-unit", DateTimeOffset.UtcNow));
            return Send(HttpMethod.Post, $"/api/v1/projects/{project}/invitations", new { organisationId = s.Organisations.CityUnit });
        },                                                                                                               401, 201, 403, 201, 403, 403, 201, 403),
        Row("POST /projects/{id}/invitations/{invitationId}/accept", async s =>
        {
            var (project, invitation) = await s.CityUnitInvitedAsync();
            return Send(HttpMethod.Post, $"/api/v1/projects/{project}/invitations/{invitation}/accept");
        },                                                                                                               401, 403, 403, 403, 403, 403, 403, 200),
        Row("POST /projects/{id}/invitations/{invitationId}/decline", async s =>
        {
            var (project, invitation) = await s.CityUnitInvitedAsync();
            return Send(HttpMethod.Post, $"/api/v1/projects/{project}/invitations/{invitation}/decline");
        },                                                                                                               401, 403, 403, 403, 403, 403, 403, 200),
        Row("DELETE /projects/{id}/invitations/{invitationId}", async s =>
        {
            var (project, invitation) = await s.CityUnitInvitedAsync();
            return Send(HttpMethod.Delete, $"/api/v1/projects/{project}/invitations/{invitation}");
        },                                                                                                               401, 200, 403, 200, 403, 403, 200, 403),
        // The project's organisations invite light participants; the personal link needs no account.
        Row("GET /projects/{id}/light-participants", async s => Send(HttpMethod.Get, $"/api/v1/projects/{await s.ProjectAsync()}/light-participants"),
                                                                                                                         401, 200, 200, 200, 403, 403, 200, 403),
        Row("POST /projects/{id}/light-participants", async s => Send(HttpMethod.Post, $"/api/v1/projects/{await s.ProjectAsync()}/light-participants",
            new { label = "Parents of class 3B", group = "parents" }),                                                   401, 201, 201, 201, 403, 403, 201, 403),
        Row("DELETE /projects/{id}/light-participants/{participantId}", async s =>
        {
            var (project, participant, _) = await s.LightParticipantAsync();
            return Send(HttpMethod.Delete, $"/api/v1/projects/{project}/light-participants/{participant}");
        },                                                                                                               401, 200, 200, 200, 403, 403, 200, 403),
        Row("GET /participation/{token}", async s => Send(HttpMethod.Get, $"/api/v1/participation/{(await s.LightParticipantAsync()).Token}"),
                                                                                                                         200, 200, 200, 200, 200, 200, 200, 200),
        Row("POST /participation/{token}/evaluations", async s => Send(HttpMethod.Post, $"/api/v1/participation/{(await s.LightParticipantAsync()).Token}/evaluations",
            new { rating = 4 }),                                                                                         201, 201, 201, 201, 201, 201, 201, 201),
        // People take a role themselves, for a participating organisation; the owner's organisation may take anyone off.
        Row("GET /projects/{id}/team", async s => Send(HttpMethod.Get, $"/api/v1/projects/{(await s.TeamMemberAsync()).Project}/team"),
                                                                                                                         200, 200, 200, 200, 200, 200, 200, 200),
        Row("PUT /projects/{id}/team/me", async s => Send(HttpMethod.Put, $"/api/v1/projects/{await s.ProjectAsync()}/team/me",
            new { name = "Someone", role = "contributor" }),                                                              401, 200, 200, 200, 403, 403, 200, 403),
        Row("DELETE /projects/{id}/team/{memberId}", async s =>
        {
            var (project, member) = await s.TeamMemberAsync();
            return Send(HttpMethod.Delete, $"/api/v1/projects/{project}/team/{member}");
        },                                                                                                               401, 204, 403, 204, 403, 403, 204, 403),
        Row("GET /agreement-templates", _ => Task.FromResult(Send(HttpMethod.Get, "/api/v1/agreement-templates?language=sv")),      200, 200, 200, 200, 200, 200, 200, 200),
        Row("GET /projects/{id}/agreement", async s => Send(HttpMethod.Get, $"/api/v1/projects/{await s.ProjectAsync()}/agreement"), 200, 200, 200, 200, 200, 200, 200, 200),
        // The owner writes the agreement; every participating organisation accepts it, the partner too.
        Row("PUT /projects/{id}/agreement", async s => Send(HttpMethod.Put, $"/api/v1/projects/{await s.ProjectAsync()}/agreement", new { additionalTerms = "" }, "\"0\""),
                                                                                                                         401, 200, 403, 200, 403, 403, 200, 403),
        Row("POST /projects/{id}/agreement/acceptances", async s => Send(HttpMethod.Post, $"/api/v1/projects/{await s.AgreementToAcceptAsync()}/agreement/acceptances",
            new { version = 1 }),                                                                                            401, 200, 200, 200, 403, 403, 200, 403),
        Row("GET /projects/{id}/agreement/versions", async s => Send(HttpMethod.Get, $"/api/v1/projects/{await s.AgreementToAcceptAsync()}/agreement/versions"),
                                                                                                                         200, 200, 200, 200, 200, 200, 200, 200),
        Row("PUT /projects/{id}/environment", async s =>
        {
            var (project, environment) = await s.HostedProjectAsync();
            return Send(HttpMethod.Put, $"/api/v1/projects/{project}/environment", new { environmentId = environment });
        },                                                                                                                   401, 200, 403, 200, 403, 403, 200, 403),
        Row("GET /projects/{id}/activities", async s => Send(HttpMethod.Get, $"/api/v1/projects/{await s.ProjectAsync()}/activities"), 200, 200, 200, 200, 200, 200, 200, 200),
        Row("POST /projects/{id}/activities", async s =>
        {
            var (project, environment) = await s.HostedProjectAsync();
            return Send(HttpMethod.Post, $"/api/v1/projects/{project}/activities",
                new { kind = "workshop", title = "Workshop", environmentId = environment, startsAt = "2027-03-04T09:00", endsAt = "2027-03-04T11:00" });
        },                                                                                                                   401, 201, 201, 201, 403, 403, 201, 403),
        Row("GET /projects/{id}/evaluations", async s => Send(HttpMethod.Get, $"/api/v1/projects/{await s.ProjectAsync()}/evaluations"), 200, 200, 200, 200, 200, 200, 200, 200),
        Row("GET /projects/{id}/evaluations/summary", async s => Send(HttpMethod.Get, $"/api/v1/projects/{await s.ProjectAsync()}/evaluations/summary"),
                                                                                                                         200, 200, 200, 200, 200, 200, 200, 200),
        Row("POST /projects/{id}/evaluations", async s => Send(HttpMethod.Post, $"/api/v1/projects/{await s.ProjectAsync()}/evaluations",
            new { group = "teachers", rating = 4 }),                                                                         401, 201, 201, 201, 403, 403, 201, 403),
        Row("GET /projects/{id}/decisions", async s => Send(HttpMethod.Get, $"/api/v1/projects/{await s.ProjectAsync()}/decisions"), 200, 200, 200, 200, 200, 200, 200, 200),
        Row("POST /projects/{id}/decisions", async s => Send(HttpMethod.Post, $"/api/v1/projects/{await s.ProjectAsync()}/decisions",
            new { title = "Pilot in the library", rationale = "The teachers asked for a quieter room." }),                     401, 201, 201, 201, 403, 403, 201, 403),
        // Light feedback needs only the link: no account, no token.
        Row("GET /feedback/{token}", async s => Send(HttpMethod.Get, $"/api/v1/feedback/{await s.FeedbackTokenAsync()}"),  200, 200, 200, 200, 200, 200, 200, 200),
        Row("POST /feedback/{token}", async s => Send(HttpMethod.Post, $"/api/v1/feedback/{await s.FeedbackTokenAsync()}", new { rating = 5 }),
                                                                                                                         201, 201, 201, 201, 201, 201, 201, 201),
        Row("GET /projects/{id}/reference", async s => Send(HttpMethod.Get, $"/api/v1/projects/{await s.CompletedProjectAsync()}/reference"),
                                                                                                                         200, 200, 200, 200, 200, 200, 200, 200),
        // A partner decides whether the reference names it; the owner is always named (400).
        Row("PUT /projects/{id}/reference/naming", async s => Send(HttpMethod.Put, $"/api/v1/projects/{await s.ProjectAsync()}/reference/naming",
            new { named = false }),                                                                                          401, 400, 200, 400, 403, 403, 400, 403),
        Row("GET /projects/{id}/ratings", async s => Send(HttpMethod.Get, $"/api/v1/projects/{await s.ProjectAsync()}/ratings"), 200, 200, 200, 200, 200, 200, 200, 200),
        Row("PUT /projects/{id}/ratings", async s => Send(HttpMethod.Put, $"/api/v1/projects/{await s.Journey.InEvaluationAsync()}/ratings", new { rating = 4 }),
                                                                                                                         401, 200, 200, 200, 403, 403, 200, 403),
        Row("GET /references/keys", _ => Task.FromResult(Send(HttpMethod.Get, "/api/v1/references/keys")),                200, 200, 200, 200, 200, 200, 200, 200),
        Row("POST /references/verify", _ => Task.FromResult(Send(HttpMethod.Post, "/api/v1/references/verify", new { reference = "a.b.c" })),
                                                                                                                         400, 400, 400, 400, 400, 400, 400, 400),
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
