using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntegrationEvents;
using CoCreation.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Projects.FunctionalTests;

/// <summary>The CoSIE canvas a project's team answers, and the gated phases the project moves through.</summary>
public sealed class ProjectLifecycleTests(ProjectsServiceFactory factory) : IClassFixture<ProjectsServiceFactory>
{
    private static readonly string[] Questions =
        ["context", "aims-and-why", "values", "capacities-and-resources", "barriers-and-contradictions", "tools-and-techniques"];

    private readonly Guid _school = Guid.NewGuid();
    private readonly Guid _studio = Guid.NewGuid();

    private HttpClient School => factory.ClientAs("teacher-anna", _school);

    private HttpClient Studio => factory.ClientAs("game-dev", _studio);

    private async Task<Guid> ProjectAsync()
    {
        var agreed = new PartnershipAgreed(Guid.NewGuid(), Guid.NewGuid(), _school, [_studio], null, DateTimeOffset.UtcNow);
        await factory.DeliverAsync(agreed);
        var project = await ReadJsonAsync(await School.PostAsJsonAsync("/api/v1/projects",
            new { ideaId = agreed.IdeaId, title = "Museum game", summary = "Pupils and a game studio build a museum game." }), HttpStatusCode.Created);
        return project.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_discontinue_reason_or_a_completion_statement_with_markup_is_a_400_and_changes_nothing()
    {
        var id = await ProjectAsync();

        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/phase",
            new { phase = "discontinued", reason = "Closed. <script>alert(1)</script>" }), HttpStatusCode.BadRequest, "reason");
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/complete",
            new { outcome = "Done.", successRating = 4, reference = "[ask us](javascript:alert(1))" }), HttpStatusCode.BadRequest, "reference");

        Assert.Equal("planning", (await ReadJsonAsync(await School.GetAsync($"/api/v1/projects/{id}"), HttpStatusCode.OK)).GetProperty("phase").GetString());
    }

    private static HttpRequestMessage Answer(Guid project, string question, string ifMatch, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/projects/{project}/canvas/{question}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private Task<int> StoredAnswersAsync(Guid project) => factory.WithDbAsync(db => db.CanvasAnswers.CountAsync(a => a.ProjectId == project));

    [Fact]
    public async Task The_team_answers_the_canvas_in_versions_and_a_stale_edit_changes_nothing()
    {
        var id = await ProjectAsync();
        var empty = await ReadJsonAsync(await factory.ClientAs(null).GetAsync($"/api/v1/projects/{id}/canvas"), HttpStatusCode.OK);
        Assert.Equal(Questions, empty.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("question").GetString()));
        Assert.All(empty.GetProperty("questions").EnumerateArray(), q => Assert.Equal(0, q.GetProperty("version").GetInt32()));

        var first = await ReadJsonAsync(await School.SendAsync(Answer(id, "context", "\"0\"", new { text = "A museum that **pupils** rarely visit." })), HttpStatusCode.OK);
        Assert.Equal((1, "teacher-anna"), (first.GetProperty("version").GetInt32(), first.GetProperty("changedByPersonId").GetString()));
        var second = await ReadJsonAsync(await Studio.SendAsync(Answer(id, "context", "\"1\"", new { text = "A museum pupils rarely visit; teachers want them there." })), HttpStatusCode.OK);
        Assert.Equal(2, second.GetProperty("version").GetInt32());

        // An edit from the first version would overwrite the partner's: refused, nothing stored.
        await AssertProblemAsync(await School.SendAsync(Answer(id, "context", "\"1\"", new { text = "Overwrite." })), HttpStatusCode.PreconditionFailed);
        Assert.Equal(2, await StoredAnswersAsync(id));

        var versions = await ReadJsonAsync(await factory.ClientAs(null).GetAsync($"/api/v1/projects/{id}/canvas/context/versions"), HttpStatusCode.OK);
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        // The public sees when and by which organisation, but no person ids.
        Assert.All(versions.EnumerateArray(), v => Assert.Equal(JsonValueKind.Null, v.GetProperty("changedByPersonId").ValueKind));
        Assert.Equal([_studio, _school], versions.EnumerateArray().Select(v => v.GetProperty("changedByOrganisationId").GetGuid()));
    }

    [Fact]
    public async Task Bad_canvas_input_is_a_problem_naming_the_field_and_stores_nothing()
    {
        var id = await ProjectAsync();

        await AssertProblemAsync(await School.SendAsync(Answer(id, "mood", "\"0\"", new { text = "?" })), HttpStatusCode.BadRequest, "question");
        await AssertProblemAsync(await School.SendAsync(Answer(id, "values", "\"0\"", new { text = "" })), HttpStatusCode.BadRequest, "text");
        await AssertProblemAsync(await School.SendAsync(Answer(id, "values", "\"0\"", new { text = "Openness.", tools = new[] { "cosmos-tool" } })), HttpStatusCode.BadRequest, "tools");
        await AssertProblemAsync(await School.SendAsync(Answer(id, "tools-and-techniques", "\"0\"", new { text = "Tools.", tools = new[] { new string('x', 101) } })), HttpStatusCode.BadRequest, "tools");
        await AssertProblemAsync(await factory.ClientAs("outsider", Guid.NewGuid()).SendAsync(Answer(id, "values", "\"0\"", new { text = "Openness." })), HttpStatusCode.Forbidden);
        Assert.Equal(0, await StoredAnswersAsync(id));

        var tools = await ReadJsonAsync(await School.SendAsync(Answer(id, "tools-and-techniques", "\"0\"",
            new { text = "Community reporting with pupils, and a hackathon.", tools = new[] { "community-reporting", " social-hackathons ", "Minecraft Education" } })), HttpStatusCode.OK);
        Assert.Equal(["community-reporting", "social-hackathons", "Minecraft Education"], tools.GetProperty("tools").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Planning_opens_to_agreement_only_when_every_canvas_question_is_answered_and_a_refusal_lists_what_is_missing()
    {
        var id = await ProjectAsync();
        foreach (var question in Questions[..4])
        {
            await ReadJsonAsync(await School.SendAsync(Answer(id, question, "\"0\"", new { text = $"Our answer to {question}." })), HttpStatusCode.OK);
        }

        using var refused = await School.PostAsJsonAsync($"/api/v1/projects/{id}/phase", new { phase = "agreement" });

        var problem = await AssertProblemAsync(refused, HttpStatusCode.Conflict, "phase");
        Assert.Equal(["canvas-barriers-and-contradictions", "canvas-tools-and-techniques"],
            problem.GetProperty("unmet").EnumerateArray().Select(u => u.GetProperty("code").GetString()));
        var gates = await ReadJsonAsync(await factory.ClientAs(null).GetAsync($"/api/v1/projects/{id}/gates"), HttpStatusCode.OK);
        Assert.Equal("planning", gates.GetProperty("phase").GetString());
        Assert.Equal(2, gates.GetProperty("ahead")[0].GetProperty("unmet").GetArrayLength());
        Assert.Empty(await factory.OutboxEventsAsync<ProjectPhaseChanged>(id));

        foreach (var question in Questions[4..])
        {
            await ReadJsonAsync(await School.SendAsync(Answer(id, question, "\"0\"", new { text = $"Our answer to {question}." })), HttpStatusCode.OK);
        }
        await AssertProblemAsync(await Studio.PostAsJsonAsync($"/api/v1/projects/{id}/phase", new { phase = "agreement" }), HttpStatusCode.Forbidden);
        var moved = await ReadJsonAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/phase", new { phase = "agreement" }), HttpStatusCode.OK);

        Assert.Equal("agreement", moved.GetProperty("phase").GetString());
        var changed = Assert.Single(await factory.OutboxEventsAsync<ProjectPhaseChanged>(id));
        Assert.Equal(("planning", "agreement"), (changed.FromPhase, changed.ToPhase));
        // The next gate needs the agreement accepted and a real environment: its refusal names both.
        var piloting = await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/phase", new { phase = "piloting" }), HttpStatusCode.Conflict, "phase");
        Assert.Equal(["agreement-accepted", "environment-host"], piloting.GetProperty("unmet").EnumerateArray().Select(u => u.GetProperty("code").GetString()));
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/phase", new { phase = "evaluation" }), HttpStatusCode.Conflict, "phase");
    }

    [Fact]
    public async Task A_project_goes_back_to_rework_its_plan_or_is_discontinued_with_a_public_reason_and_then_changes_no_more()
    {
        var id = await ProjectAsync();
        foreach (var question in Questions)
        {
            await ReadJsonAsync(await School.SendAsync(Answer(id, question, "\"0\"", new { text = "Answered." })), HttpStatusCode.OK);
        }
        await ReadJsonAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/phase", new { phase = "agreement" }), HttpStatusCode.OK);
        var back = await ReadJsonAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/phase", new { phase = "planning" }), HttpStatusCode.OK);
        Assert.Equal("planning", back.GetProperty("phase").GetString());

        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/phase", new { phase = "discontinued" }), HttpStatusCode.BadRequest, "reason");
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/phase", new { phase = "finished" }), HttpStatusCode.BadRequest, "phase");
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/phase", new { phase = "completed" }), HttpStatusCode.Conflict, "phase");
        var stopped = await ReadJsonAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/phase",
            new { phase = "discontinued", reason = "The museum closes for renovation until 2028." }), HttpStatusCode.OK);

        Assert.Equal(("discontinued", "discontinued", "The museum closes for renovation until 2028."),
            (stopped.GetProperty("phase").GetString(), stopped.GetProperty("status").GetString(), stopped.GetProperty("discontinuedReason").GetString()));
        Assert.Equal("The museum closes for renovation until 2028.", (await factory.OutboxEventsAsync<ProjectPhaseChanged>(id)).Last().Reason);
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/phase", new { phase = "planning" }), HttpStatusCode.Conflict, "phase");
        await AssertProblemAsync(await School.SendAsync(Answer(id, "values", "\"1\"", new { text = "Later." })), HttpStatusCode.Conflict, "question");
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/complete", new { outcome = "Done.", successRating = 3 }), HttpStatusCode.Conflict, "status");
    }
}
