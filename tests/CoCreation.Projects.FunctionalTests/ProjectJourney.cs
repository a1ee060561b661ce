using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntegrationEvents;
using CoCreation.Projects.Infrastructure;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Projects.FunctionalTests;

/// <summary>Delivers an event to the service as the broker would, and waits until its consumer has recorded it.</summary>
public static class EventDelivery
{
    /// <summary>Fails after 15 s: a consumer that never records the message is a failure, not something to wait out.</summary>
    public static async Task DeliverAsync<T>(IServiceProvider services, T message, Guid? messageId = null)
        where T : class
    {
        var id = messageId ?? Guid.NewGuid();
        await services.GetRequiredService<ITestHarness>().Bus.Publish(message, (PublishContext<T> context) => context.MessageId = id);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                if (await scope.ServiceProvider.GetRequiredService<ProjectsDbContext>().InboxMessages.AnyAsync(m => m.MessageId == id))
                {
                    return;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The projects service did not record the {typeof(T).Name} {id} within 15 s.");
            }
            await Task.Delay(30);
        }
    }
}

/// <summary>
/// Walks a project along the CoSIE roadmap through the API, as its team would: the owner (a school that also hosts
/// the pilot in its own environment) and one partner. Tests of a later step start from here.
/// </summary>
public sealed class ProjectJourney(IServiceProvider services, Func<HttpClient> owner, Guid ownerOrganisation, Func<HttpClient> partner, Guid partnerOrganisation)
{
    public static readonly string[] Questions =
        ["context", "aims-and-why", "values", "capacities-and-resources", "barriers-and-contradictions", "tools-and-techniques"];

    public Guid EnvironmentId { get; } = Guid.NewGuid();

    public async Task<Guid> StartAsync()
    {
        await EventDelivery.DeliverAsync(services, new OrganisationProfileChanged(ownerOrganisation, "Tapiola School", "city-unit", DateTimeOffset.UtcNow));
        await EventDelivery.DeliverAsync(services, new OrganisationProfileChanged(partnerOrganisation, "Pelipaja Oy", "company", DateTimeOffset.UtcNow));
        await EventDelivery.DeliverAsync(services, new EnvironmentChanged(EnvironmentId, ownerOrganisation, "Tapiola School's library", "school", true, DateTimeOffset.UtcNow));
        var agreed = new PartnershipAgreed(Guid.NewGuid(), Guid.NewGuid(), ownerOrganisation, [partnerOrganisation], null, DateTimeOffset.UtcNow);
        await EventDelivery.DeliverAsync(services, agreed);
        var project = await ReadJsonAsync(await owner().PostAsJsonAsync("/api/v1/projects",
            new { ideaId = agreed.IdeaId, title = "Museum game", summary = "Pupils and a game studio build a museum game." }), HttpStatusCode.Created);
        return project.GetProperty("id").GetGuid();
    }

    public async Task AnswerCanvasAsync(Guid id)
    {
        foreach (var question in Questions)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/projects/{id}/canvas/{question}") { Content = JsonContent.Create(new { text = $"Our answer to {question}." }) };
            request.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
            await ReadJsonAsync(await owner().SendAsync(request), HttpStatusCode.OK);
        }
    }

    /// <summary>The owner writes the agreement's next version from the templates; returns its version.</summary>
    public async Task<int> WriteAgreementAsync(Guid id, int current = 0, string terms = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/projects/{id}/agreement") { Content = JsonContent.Create(new { additionalTerms = terms }) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{current}\"");
        return (await ReadJsonAsync(await owner().SendAsync(request), HttpStatusCode.OK)).GetProperty("version").GetInt32();
    }

    public async Task AcceptAsync(Guid id, int version)
    {
        await ReadJsonAsync(await owner().PostAsJsonAsync($"/api/v1/projects/{id}/agreement/acceptances", new { version }), HttpStatusCode.OK);
        await ReadJsonAsync(await partner().PostAsJsonAsync($"/api/v1/projects/{id}/agreement/acceptances", new { version }), HttpStatusCode.OK);
    }

    public async Task HostAsync(Guid id) =>
        await ReadJsonAsync(await owner().PutAsJsonAsync($"/api/v1/projects/{id}/environment", new { environmentId = EnvironmentId }), HttpStatusCode.OK);

    public async Task MoveAsync(Guid id, string phase) =>
        await ReadJsonAsync(await owner().PostAsJsonAsync($"/api/v1/projects/{id}/phase", new { phase }), HttpStatusCode.OK);

    public async Task<Guid> EvaluateAsync(Guid id, string group, int rating, bool byPartner = false) =>
        (await ReadJsonAsync(await (byPartner ? partner() : owner()).PostAsJsonAsync($"/api/v1/projects/{id}/evaluations",
            new { group, rating, text = $"The {group}' view." }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>A project through planning, agreement and piloting, evaluated by teachers and the company, now in evaluation.</summary>
    public async Task<Guid> InEvaluationAsync()
    {
        var id = await StartAsync();
        await AnswerCanvasAsync(id);
        await MoveAsync(id, "agreement");
        await HostAsync(id);
        await AcceptAsync(id, await WriteAgreementAsync(id));
        await MoveAsync(id, "piloting");
        await EvaluateAsync(id, "teachers", 4);
        await EvaluateAsync(id, "company", 5, byPartner: true);
        await MoveAsync(id, "evaluation");
        return id;
    }
}
