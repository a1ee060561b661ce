using System.Net;
using System.Net.Http.Json;
using CoCreation.IntegrationEvents;
using CoCreation.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Projects.FunctionalTests;

/// <summary>
/// People take a role in a project for their organisation, by the name they choose; one city unit's person is the city
/// contact, whom everyone sees. The team sees the whole team.
/// </summary>
public sealed class TeamTests(ProjectsServiceFactory factory) : IClassFixture<ProjectsServiceFactory>
{
    private readonly Guid _school = Guid.NewGuid();
    private readonly Guid _studio = Guid.NewGuid();

    private HttpClient Teacher => factory.ClientAs("teacher-anna", _school, "city-unit");

    private HttpClient Principal => factory.ClientAs("principal-ville", _school, "city-unit");

    private HttpClient Designer => factory.ClientAs("game-dev", _studio);

    private async Task<Guid> ProjectAsync()
    {
        var idea = Guid.NewGuid();
        await factory.DeliverAsync(new PartnershipAgreed(Guid.NewGuid(), idea, _school, [_studio], null, DateTimeOffset.UtcNow));
        return (await ReadJsonAsync(await Teacher.PostAsJsonAsync("/api/v1/projects", new { ideaId = idea, title = "Museum game" }), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
    }

    private static async Task<List<(string Name, string Role, bool IsYou)>> TeamAsync(HttpClient client, Guid project) =>
        [.. (await ReadJsonAsync(await client.GetAsync($"/api/v1/projects/{project}/team"), HttpStatusCode.OK)).EnumerateArray()
            .Select(m => (m.GetProperty("name").GetString()!, m.GetProperty("role").GetString()!, m.GetProperty("isYou").GetBoolean()))];

    [Fact]
    public async Task People_take_roles_the_team_sees_them_all_and_everyone_sees_the_city_contact()
    {
        var project = await ProjectAsync();
        var contact = await ReadJsonAsync(await Teacher.PutAsJsonAsync($"/api/v1/projects/{project}/team/me", new { name = "Anna (teacher)", role = "city-contact" }), HttpStatusCode.OK);
        Assert.Equal("city-contact", contact.GetProperty("role").GetString());
        await ReadJsonAsync(await Designer.PutAsJsonAsync($"/api/v1/projects/{project}/team/me", new { name = "Mika", role = "contributor" }), HttpStatusCode.OK);
        // Taking a role again changes it: one entry per person.
        await ReadJsonAsync(await Designer.PutAsJsonAsync($"/api/v1/projects/{project}/team/me", new { name = "Mika Virta", role = "coordinator" }), HttpStatusCode.OK);

        Assert.Equal([("Anna (teacher)", "city-contact", false), ("Mika Virta", "coordinator", true)], await TeamAsync(Designer, project));
        Assert.Equal([("Anna (teacher)", "city-contact", false)], await TeamAsync(factory.ClientAs(null), project));
        Assert.Equal([("Anna (teacher)", "city-contact", false)], await TeamAsync(factory.ClientAs("outsider", Guid.NewGuid()), project));
    }

    [Fact]
    public async Task A_role_is_refused_to_an_outsider_a_company_as_city_contact_a_second_city_contact_and_a_bad_role_with_nothing_recorded()
    {
        var project = await ProjectAsync();
        await AssertProblemAsync(await factory.ClientAs("outsider", Guid.NewGuid()).PutAsJsonAsync($"/api/v1/projects/{project}/team/me", new { name = "Olli", role = "contributor" }),
            HttpStatusCode.Forbidden);
        await AssertProblemAsync(await Designer.PutAsJsonAsync($"/api/v1/projects/{project}/team/me", new { name = "Mika", role = "city-contact" }), HttpStatusCode.Conflict, "role");
        await AssertProblemAsync(await Designer.PutAsJsonAsync($"/api/v1/projects/{project}/team/me", new { name = "Mika", role = "boss" }), HttpStatusCode.BadRequest, "role");
        await AssertProblemAsync(await Designer.PutAsJsonAsync($"/api/v1/projects/{project}/team/me", new { name = "", role = "contributor" }), HttpStatusCode.BadRequest, "name");
        await AssertProblemAsync(await Designer.PutAsJsonAsync($"/api/v1/projects/{project}/team/me", new { name = new string('x', 101), role = "contributor" }), HttpStatusCode.BadRequest, "name");
        Assert.Equal(0, await factory.WithDbAsync(db => db.TeamMembers.CountAsync(m => m.ProjectId == project)));

        await ReadJsonAsync(await Teacher.PutAsJsonAsync($"/api/v1/projects/{project}/team/me", new { name = "Anna", role = "city-contact" }), HttpStatusCode.OK);
        await AssertProblemAsync(await Principal.PutAsJsonAsync($"/api/v1/projects/{project}/team/me", new { name = "Ville", role = "city-contact" }), HttpStatusCode.Conflict, "role");
        Assert.Equal(1, await factory.WithDbAsync(db => db.TeamMembers.CountAsync(m => m.ProjectId == project)));
    }

    [Fact]
    public async Task A_person_leaves_the_team_the_owner_takes_someone_off_a_partner_cannot_an_ended_team_stays_and_an_erased_person_goes()
    {
        var project = await ProjectAsync();
        Guid Id(System.Text.Json.JsonElement member) => member.GetProperty("id").GetGuid();
        var anna = Id(await ReadJsonAsync(await Teacher.PutAsJsonAsync($"/api/v1/projects/{project}/team/me", new { name = "Anna", role = "coordinator" }), HttpStatusCode.OK));
        var mika = Id(await ReadJsonAsync(await Designer.PutAsJsonAsync($"/api/v1/projects/{project}/team/me", new { name = "Mika", role = "contributor" }), HttpStatusCode.OK));
        var ville = Id(await ReadJsonAsync(await Principal.PutAsJsonAsync($"/api/v1/projects/{project}/team/me", new { name = "Ville", role = "city-contact" }), HttpStatusCode.OK));

        await AssertProblemAsync(await Designer.DeleteAsync($"/api/v1/projects/{project}/team/{anna}"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await Designer.DeleteAsync($"/api/v1/projects/{project}/team/{mika}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Teacher.DeleteAsync($"/api/v1/projects/{project}/team/{ville}")).StatusCode);
        await AssertProblemAsync(await Teacher.DeleteAsync($"/api/v1/projects/{project}/team/{ville}"), HttpStatusCode.NotFound);
        Assert.Equal([("Anna", "coordinator", true)], await TeamAsync(Teacher, project));

        // An ended project's team is kept as it was.
        await ReadJsonAsync(await Teacher.PostAsJsonAsync($"/api/v1/projects/{project}/phase", new { phase = "discontinued", reason = "The school closed." }), HttpStatusCode.OK);
        await AssertProblemAsync(await Teacher.PutAsJsonAsync($"/api/v1/projects/{project}/team/me", new { name = "Anna V.", role = "contributor" }), HttpStatusCode.Conflict, "phase");
        await AssertProblemAsync(await Teacher.DeleteAsync($"/api/v1/projects/{project}/team/{anna}"), HttpStatusCode.Conflict, "phase");
        Assert.Equal([("Anna", "coordinator", true)], await TeamAsync(Teacher, project));

        await factory.DeliverAsync(new PersonErased("teacher-anna", "erased-anna", DateTime.UtcNow));
        Assert.Empty(await TeamAsync(Designer, project));
    }
}
