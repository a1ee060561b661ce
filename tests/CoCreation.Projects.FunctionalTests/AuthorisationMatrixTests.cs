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

        public HttpClient As(Caller caller) => factory.CreateClient().WithToken(TestTokens.For(caller, Organisations));

        /// <summary>An idea of the owner's whose partnership with the other organisation is agreed.</summary>
        public async Task<Guid> AgreedIdeaAsync()
        {
            var agreed = new PartnershipAgreed(Guid.NewGuid(), Guid.NewGuid(), Organisations.Owner, [Organisations.Other], null, DateTimeOffset.UtcNow);
            var messageId = Guid.NewGuid();
            await factory.Services.GetRequiredService<ITestHarness>().Bus.Publish(agreed, (PublishContext<PartnershipAgreed> c) => c.MessageId = messageId);
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (DateTime.UtcNow < deadline)
            {
                await using var scope = factory.Services.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<ProjectsDbContext>().InboxMessages.AnyAsync(m => m.MessageId == messageId))
                {
                    break;
                }
                await Task.Delay(30);
            }
            return agreed.IdeaId;
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
        Row("POST /projects/{id}/complete", async s => Send(HttpMethod.Post, $"/api/v1/projects/{await s.ProjectAsync()}/complete", new { outcome = "Done.", successRating = 4 }),
                                                                                                                         401, 200, 403, 200, 403, 403, 200, 403),
        Row("GET /projects/{id}/canvas", async s => Send(HttpMethod.Get, $"/api/v1/projects/{await s.ProjectAsync()}/canvas"), 200, 200, 200, 200, 200, 200, 200, 200),
        Row("GET /projects/{id}/gates", async s => Send(HttpMethod.Get, $"/api/v1/projects/{await s.ProjectAsync()}/gates"),   200, 200, 200, 200, 200, 200, 200, 200),
        // Every organisation in the project writes its canvas, the partner too.
        Row("PUT /projects/{id}/canvas/{question}", async s => Send(HttpMethod.Put, $"/api/v1/projects/{await s.ProjectAsync()}/canvas/values",
            new { text = "Openness." }, "\"0\""),                                                                            401, 200, 200, 200, 403, 403, 200, 403),
        Row("POST /projects/{id}/phase", async s => Send(HttpMethod.Post, $"/api/v1/projects/{await s.ProjectAsync()}/phase",
            new { phase = "discontinued", reason = "The pilot school closed." }),                                              401, 200, 403, 200, 403, 403, 200, 403),
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
