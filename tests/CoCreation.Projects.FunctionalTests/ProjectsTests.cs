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

namespace CoCreation.Projects.FunctionalTests;

/// <summary>The projects service on a real SQLite file, fed partnerships through MassTransit's in-memory harness.</summary>
public sealed class ProjectsServiceFactory() : SqliteServiceFactory<Program>("projectsdb")
{
    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    public async Task<T> WithDbAsync<T>(Func<ProjectsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProjectsDbContext>());
    }

    /// <summary>Delivers an event as the broker would, and waits until the consumer has recorded it; fails after 15 s.</summary>
    public Task DeliverAsync<T>(T message, Guid? messageId = null)
        where T : class => EventDelivery.DeliverAsync(Services, message, messageId);

    public Task<List<T>> OutboxEventsAsync<T>(Guid id) => WithDbAsync(async db =>
    {
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType.StartsWith(typeof(T).FullName + ",") && m.Body.Contains(id.ToString())).OrderBy(m => m.Id).ToListAsync();
        return rows.Select(r => JsonSerializer.Deserialize<T>(r.Body, CoCreation.IntegrationEvents.PlatformJson.Options)!).ToList();
    });
}

public sealed class ProjectsTests(ProjectsServiceFactory factory) : IClassFixture<ProjectsServiceFactory>
{
    private readonly Guid _school = Guid.NewGuid();
    private readonly Guid _studio = Guid.NewGuid();

    private HttpClient School => factory.ClientAs("teacher-anna", _school);

    private static object Start(Guid ideaId) => new { ideaId, title = "Museum game", summary = "Pupils and a game studio build a museum game." };

    private async Task<JsonElement> StartedAsync(Guid ideaId) =>
        await ReadJsonAsync(await School.PostAsJsonAsync("/api/v1/projects", Start(ideaId)), HttpStatusCode.Created);

    [Fact]
    public async Task The_ideas_organisation_starts_a_project_once_its_partnership_is_agreed_and_only_once()
    {
        var ideaId = Guid.NewGuid();
        await AssertProblemAsync(await School.PostAsJsonAsync("/api/v1/projects", Start(ideaId)), HttpStatusCode.Conflict, "ideaId");

        var agreed = new PartnershipAgreed(Guid.NewGuid(), ideaId, _school, [_studio], null, DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();
        await factory.DeliverAsync(agreed, messageId);
        await factory.DeliverAsync(agreed, messageId);
        Assert.Equal(1, await factory.WithDbAsync(db => db.AgreedPartnerships.CountAsync(p => p.IdeaId == ideaId)));

        await AssertProblemAsync(await factory.ClientAs("game-dev", _studio).PostAsJsonAsync("/api/v1/projects", Start(ideaId)), HttpStatusCode.Forbidden);
        var project = await StartedAsync(ideaId);
        Assert.Equal("active", project.GetProperty("status").GetString());
        Assert.Equal([_studio], project.GetProperty("partnerOrganisationIds").EnumerateArray().Select(p => p.GetGuid()));
        var created = Assert.Single(await factory.OutboxEventsAsync<ProjectCreated>(ideaId));
        Assert.Equal(project.GetProperty("id").GetGuid(), created.ProjectId);
        await AssertProblemAsync(await School.PostAsJsonAsync("/api/v1/projects", Start(ideaId)), HttpStatusCode.Conflict, "ideaId");
    }

    [Fact]
    public async Task The_owner_completes_a_project_from_its_evaluation_phase_once_and_a_bad_rating_changes_nothing()
    {
        var journey = new ProjectJourney(factory.Services, () => School, _school, () => factory.ClientAs("game-dev", _studio), _studio);
        var early = await journey.StartAsync();
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{early}/complete", new { outcome = "Done.", successRating = 4 }), HttpStatusCode.Conflict, "phase");
        var id = await journey.InEvaluationAsync();

        using (var badRating = await School.PostAsJsonAsync($"/api/v1/projects/{id}/complete", new { outcome = "Done.", successRating = 7 }))
        {
            await AssertProblemAsync(badRating, HttpStatusCode.BadRequest, "successRating");
        }
        using (var byPartner = await factory.ClientAs("game-dev", _studio).PostAsJsonAsync($"/api/v1/projects/{id}/complete", new { outcome = "Done.", successRating = 4 }))
        {
            await AssertProblemAsync(byPartner, HttpStatusCode.Forbidden);
        }
        Assert.Empty(await factory.OutboxEventsAsync<ProjectCompleted>(id));

        var completed = await ReadJsonAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/complete",
            new { outcome = "Pupils *built* the game; the museum keeps it.", successRating = 5, reference = "Tapiola school and Pelipaja, 2027" }), HttpStatusCode.OK);

        Assert.Equal(("completed", "completed", 5, true), (completed.GetProperty("status").GetString(), completed.GetProperty("phase").GetString(),
            completed.GetProperty("successRating").GetInt32(), completed.GetProperty("hasReference").GetBoolean()));
        var completedEvent = Assert.Single(await factory.OutboxEventsAsync<ProjectCompleted>(id));
        Assert.Equal([_studio], completedEvent.PartnerOrganisationIds);
        using var again = await School.PostAsJsonAsync($"/api/v1/projects/{id}/complete", new { outcome = "Again.", successRating = 1 });
        await AssertProblemAsync(again, HttpStatusCode.Conflict, "status");
    }

    [Fact]
    public async Task Anyone_lists_projects_by_organisation_and_status_and_downloads_them_with_outcomes_but_without_people()
    {
        var id = await new ProjectJourney(factory.Services, () => School, _school, () => factory.ClientAs("game-dev", _studio), _studio).InEvaluationAsync();
        await ReadJsonAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/complete",
            new { outcome = "A calmer school yard.", successRating = 4 }), HttpStatusCode.OK);
        var anonymous = factory.CreateClient();

        var byPartner = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/projects?organisation={_studio}&status=completed");
        Assert.Equal([id], byPartner.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        var active = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/projects?organisation={_studio}&status=active");
        Assert.Equal(0, active.GetProperty("items").GetArrayLength());
        await AssertProblemAsync(await anonymous.GetAsync("/api/v1/projects?status=paused"), HttpStatusCode.BadRequest, "status");

        var csv = await anonymous.GetStringAsync("/api/v1/open-data/projects.csv");
        Assert.Contains("A calmer school yard.", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("teacher-anna", csv, StringComparison.Ordinal);
    }
}
