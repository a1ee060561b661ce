using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntegrationEvents;
using CoCreation.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Projects.FunctionalTests;

/// <summary>
/// A parent takes part lightly: the team invites them by a personal link, and without an account they see the project
/// and its activities and evaluate as parents, once per activity, until the link is revoked.
/// </summary>
public sealed class LightParticipationTests(ProjectsServiceFactory factory) : IClassFixture<ProjectsServiceFactory>
{
    private readonly Guid _school = Guid.NewGuid();
    private readonly Guid _studio = Guid.NewGuid();

    private HttpClient School => factory.ClientAs("teacher-anna", _school);

    private HttpClient Studio => factory.ClientAs("game-dev", _studio);

    private HttpClient Anyone => factory.ClientAs(null);

    private ProjectJourney Journey => new(factory.Services, () => School, _school, () => Studio, _studio);

    /// <summary>A hosted project with an activity under way now (open for answers) and one next month (not yet open).</summary>
    private async Task<(Guid Project, Guid Now, Guid Later)> ProjectWithActivitiesAsync()
    {
        var journey = Journey;
        var id = await journey.StartAsync();
        await journey.HostAsync(id);
        async Task<Guid> ScheduleAsync(string title, DateTime starts) =>
            (await ReadJsonAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/activities", new
            {
                kind = "pilot-session", title, environmentId = journey.EnvironmentId, startsAt = starts.ToString("O"), endsAt = starts.AddHours(2).ToString("O"),
            }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        return (id, await ScheduleAsync("Play-test", DateTime.UtcNow.AddHours(-1)), await ScheduleAsync("Final show", DateTime.UtcNow.AddDays(30)));
    }

    private async Task<JsonElement> InviteAsync(Guid project, string label = "Parents of class 3B", string group = "parents") =>
        await ReadJsonAsync(await School.PostAsJsonAsync($"/api/v1/projects/{project}/light-participants", new { label, group }), HttpStatusCode.Created);

    [Fact]
    public async Task A_parent_with_a_personal_link_sees_the_project_and_evaluates_each_open_activity_once_as_a_parent()
    {
        var (id, now, later) = await ProjectWithActivitiesAsync();
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/light-participants", new { label = "Someone", group = "aliens" }), HttpStatusCode.BadRequest, "group");
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/light-participants", new { label = "", group = "parents" }), HttpStatusCode.BadRequest, "label");
        await AssertProblemAsync(await factory.ClientAs("outsider", Guid.NewGuid()).PostAsJsonAsync($"/api/v1/projects/{id}/light-participants", new { label = "x", group = "parents" }), HttpStatusCode.Forbidden);
        var invited = await InviteAsync(id);
        var token = invited.GetProperty("token").GetString()!;

        // Without an account: the project, the group, and which activities take an answer now. Not the team's label.
        var seen = await ReadJsonAsync(await Anyone.GetAsync($"/api/v1/participation/{token}"), HttpStatusCode.OK);
        Assert.Equal(("parents", true), (seen.GetProperty("group").GetString(), seen.GetProperty("open").GetBoolean()));
        Assert.DoesNotContain("class 3B", seen.GetRawText(), StringComparison.Ordinal);
        Assert.Equal([(now, true), (later, false)], seen.GetProperty("activities").EnumerateArray()
            .Select(a => (a.GetProperty("activity").GetProperty("id").GetGuid(), a.GetProperty("open").GetBoolean())));

        var link = $"/api/v1/participation/{token}/evaluations";
        await AssertProblemAsync(await Anyone.PostAsJsonAsync(link, new { rating = 6 }), HttpStatusCode.BadRequest, "rating");
        await AssertProblemAsync(await Anyone.PostAsJsonAsync(link, new { rating = 4, activityId = later }), HttpStatusCode.Conflict, "activityId");
        await AssertProblemAsync(await Anyone.PostAsJsonAsync(link, new { rating = 4, activityId = Guid.NewGuid() }), HttpStatusCode.BadRequest, "activityId");
        await ReadJsonAsync(await Anyone.PostAsJsonAsync(link, new { rating = 4, text = "My son loved it.", activityId = now }), HttpStatusCode.Created);
        await AssertProblemAsync(await Anyone.PostAsJsonAsync(link, new { rating = 5, activityId = now }), HttpStatusCode.Conflict, "activityId");
        await ReadJsonAsync(await Anyone.PostAsJsonAsync(link, new { rating = 3, text = "More evenings, please." }), HttpStatusCode.Created);
        // One answer a day for the project as a whole: a link cannot outvote a class.
        await AssertProblemAsync(await Anyone.PostAsJsonAsync(link, new { rating = 5 }), HttpStatusCode.Conflict, "activityId");
        await AssertProblemAsync(await Anyone.GetAsync("/api/v1/participation/not-a-link"), HttpStatusCode.NotFound);

        var evaluations = await factory.WithDbAsync(db => db.Evaluations.AsNoTracking().Where(e => e.ProjectId == id).OrderBy(e => e.GivenAt).ToListAsync());
        Assert.Equal([(4, now), (3, (Guid?)null)], evaluations.Select(e => (e.Rating, e.ActivityId)));
        Assert.All(evaluations, e => Assert.Equal(("Parents", "LightParticipant", (string?)null), (e.Group.ToString(), e.Source.ToString(), e.GivenByPersonId)));
        Assert.Equal(2, (await factory.OutboxEventsAsync<EvaluationSubmitted>(id)).Count(e => e.Source == "light-participant"));
        var answered = await ReadJsonAsync(await Anyone.GetAsync($"/api/v1/participation/{token}"), HttpStatusCode.OK);
        Assert.True(answered.GetProperty("activities")[0].GetProperty("answered").GetBoolean());

        // The team sees the label and the count of answers; nobody else sees the list.
        var team = await ReadJsonAsync(await Studio.GetAsync($"/api/v1/projects/{id}/light-participants"), HttpStatusCode.OK);
        Assert.Equal(("Parents of class 3B", 2), (team[0].GetProperty("label").GetString(), team[0].GetProperty("answers").GetInt32()));
        await AssertProblemAsync(await factory.ClientAs("outsider", Guid.NewGuid()).GetAsync($"/api/v1/projects/{id}/light-participants"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_revoked_link_shows_the_project_but_takes_no_more_answers()
    {
        var (id, now, _) = await ProjectWithActivitiesAsync();
        var invited = await InviteAsync(id, "Library visitor", "others");
        var participant = invited.GetProperty("id").GetGuid();
        await AssertProblemAsync(await factory.ClientAs("outsider", Guid.NewGuid()).DeleteAsync($"/api/v1/projects/{id}/light-participants/{participant}"), HttpStatusCode.Forbidden);
        await ReadJsonAsync(await School.DeleteAsync($"/api/v1/projects/{id}/light-participants/{participant}"), HttpStatusCode.OK);
        await AssertProblemAsync(await School.DeleteAsync($"/api/v1/projects/{id}/light-participants/{participant}"), HttpStatusCode.Conflict, "participantId");

        var token = invited.GetProperty("token").GetString()!;
        Assert.False((await ReadJsonAsync(await Anyone.GetAsync($"/api/v1/participation/{token}"), HttpStatusCode.OK)).GetProperty("open").GetBoolean());
        await AssertProblemAsync(await Anyone.PostAsJsonAsync($"/api/v1/participation/{token}/evaluations", new { rating = 5, activityId = now }), HttpStatusCode.Conflict, "token");
        Assert.Equal(0, await factory.WithDbAsync(db => db.Evaluations.CountAsync(e => e.ProjectId == id)));
    }
}
