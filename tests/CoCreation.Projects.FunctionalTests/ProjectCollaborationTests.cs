using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntegrationEvents;
using CoCreation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Projects.FunctionalTests;

/// <summary>The projects service with a low light-feedback limit, so a test can reach it.</summary>
public sealed class StrictFeedbackFactory() : SqliteServiceFactory<Program>("projectsdb")
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Feedback:PerAddressPerHour", "3")];
}

/// <summary>
/// A project's team at work: the agreement every organisation accepts, the activities it schedules in its environment,
/// the evaluations stakeholders give (light feedback too), and the public decision log.
/// </summary>
public sealed class ProjectCollaborationTests(ProjectsServiceFactory factory) : IClassFixture<ProjectsServiceFactory>
{
    private readonly Guid _school = Guid.NewGuid();
    private readonly Guid _studio = Guid.NewGuid();

    private HttpClient School => factory.ClientAs("teacher-anna", _school);

    private HttpClient Studio => factory.ClientAs("game-dev", _studio);

    private HttpClient Public => factory.ClientAs(null);

    private ProjectJourney Journey => new(factory.Services, () => School, _school, () => Studio, _studio);

    private static HttpRequestMessage WriteAgreement(Guid project, string ifMatch, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/projects/{project}/agreement") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private Task<int> AcceptancesAsync(Guid project) => factory.WithDbAsync(db => db.AgreementAcceptances.CountAsync(a => a.ProjectId == project));

    [Fact]
    public async Task Every_participating_organisation_accepts_the_agreement_and_a_changed_agreement_is_accepted_again()
    {
        var journey = Journey;
        var id = await journey.StartAsync();
        var swedish = await ReadJsonAsync(await Public.GetAsync("/api/v1/agreement-templates?language=sv"), HttpStatusCode.OK);
        Assert.Equal(["pilot-rules", "intellectual-property", "data-protection", "safeguarding"], swedish.EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.Equal("Immateriella rättigheter", swedish[1].GetProperty("title").GetString());

        await AssertProblemAsync(await School.SendAsync(WriteAgreement(id, "\"0\"", new { clauses = new[] { "pilot-rules", "safeguarding" } })), HttpStatusCode.BadRequest, "clauses");
        await AssertProblemAsync(await Studio.SendAsync(WriteAgreement(id, "\"0\"", new { })), HttpStatusCode.Forbidden);
        var first = await ReadJsonAsync(await School.SendAsync(WriteAgreement(id, "\"0\"", new { additionalTerms = "The game's code stays Pelipaja's." })), HttpStatusCode.OK);
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal([_school, _studio], first.GetProperty("awaitingOrganisationIds").EnumerateArray().Select(o => o.GetGuid()));
        Assert.Equal([_school, _studio], Assert.Single(await factory.OutboxEventsAsync<ProjectAgreementChanged>(id)).OrganisationIds);

        // An outsider, the wrong version, and a second acceptance are refused; none is recorded.
        await AssertProblemAsync(await factory.ClientAs("outsider", Guid.NewGuid()).PostAsJsonAsync($"/api/v1/projects/{id}/agreement/acceptances", new { version = 1 }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await Studio.PostAsJsonAsync($"/api/v1/projects/{id}/agreement/acceptances", new { version = 2 }), HttpStatusCode.Conflict, "version");
        await ReadJsonAsync(await Studio.PostAsJsonAsync($"/api/v1/projects/{id}/agreement/acceptances", new { version = 1 }), HttpStatusCode.OK);
        await AssertProblemAsync(await Studio.PostAsJsonAsync($"/api/v1/projects/{id}/agreement/acceptances", new { version = 1 }), HttpStatusCode.Conflict, "version");
        Assert.Equal(1, await AcceptancesAsync(id));

        // The terms change: version 2 awaits both again, and version 1 keeps its acceptance.
        await AssertProblemAsync(await School.SendAsync(WriteAgreement(id, "\"0\"", new { additionalTerms = "Stale." })), HttpStatusCode.PreconditionFailed);
        var second = await ReadJsonAsync(await School.SendAsync(WriteAgreement(id, "\"1\"", new { additionalTerms = "The game's code is shared 50/50." })), HttpStatusCode.OK);
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        var current = await ReadJsonAsync(await Public.GetAsync($"/api/v1/projects/{id}/agreement?language=en"), HttpStatusCode.OK);
        Assert.Equal([_school, _studio], current.GetProperty("awaitingOrganisationIds").EnumerateArray().Select(o => o.GetGuid()));
        Assert.Equal("Pilot rules", current.GetProperty("clauses")[0].GetProperty("title").GetString());
        var versions = await ReadJsonAsync(await Public.GetAsync($"/api/v1/projects/{id}/agreement/versions"), HttpStatusCode.OK);
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        var accepted = Assert.Single(versions[1].GetProperty("acceptances").EnumerateArray());
        Assert.Equal((_studio, JsonValueKind.Null), (accepted.GetProperty("organisationId").GetGuid(), accepted.GetProperty("acceptedByPersonId").ValueKind));
    }

    [Fact]
    public async Task Piloting_opens_only_once_the_agreement_is_accepted_by_all_and_a_registered_environment_hosts_the_pilot()
    {
        var journey = Journey;
        var id = await journey.StartAsync();
        await journey.AnswerCanvasAsync(id);
        await journey.MoveAsync(id, "agreement");
        var version = await journey.WriteAgreementAsync(id);
        await ReadJsonAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/agreement/acceptances", new { version }), HttpStatusCode.OK);

        var refused = await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/phase", new { phase = "piloting" }), HttpStatusCode.Conflict, "phase");
        Assert.Equal(["agreement-accepted", "environment-host"], refused.GetProperty("unmet").EnumerateArray().Select(u => u.GetProperty("code").GetString()));
        await AssertProblemAsync(await School.PutAsJsonAsync($"/api/v1/projects/{id}/environment", new { environmentId = Guid.NewGuid() }), HttpStatusCode.BadRequest, "environmentId");

        await journey.HostAsync(id);
        await ReadJsonAsync(await Studio.PostAsJsonAsync($"/api/v1/projects/{id}/agreement/acceptances", new { version }), HttpStatusCode.OK);
        var piloting = await ReadJsonAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/phase", new { phase = "piloting" }), HttpStatusCode.OK);

        Assert.Equal(("piloting", journey.EnvironmentId, _school),
            (piloting.GetProperty("phase").GetString(), piloting.GetProperty("environmentId").GetGuid(), piloting.GetProperty("hostOrganisationId").GetGuid()));
        // The evaluation gate needs two stakeholder groups; one is not enough.
        await journey.EvaluateAsync(id, "teachers", 4);
        var evaluation = await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/phase", new { phase = "evaluation" }), HttpStatusCode.Conflict, "phase");
        Assert.Equal("evaluations-from-two-groups", Assert.Single(evaluation.GetProperty("unmet").EnumerateArray()).GetProperty("code").GetString());
        await journey.EvaluateAsync(id, "company", 5, byPartner: true);
        await journey.MoveAsync(id, "evaluation");
    }

    [Fact]
    public async Task A_pilot_moved_to_another_city_units_environment_returns_to_the_agreement_phase_until_the_new_host_accepts()
    {
        var journey = Journey;
        var id = await journey.StartAsync();
        await journey.AnswerCanvasAsync(id);
        await journey.MoveAsync(id, "agreement");
        var version = await journey.WriteAgreementAsync(id);
        await journey.HostAsync(id);
        await ReadJsonAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/agreement/acceptances", new { version }), HttpStatusCode.OK);
        await ReadJsonAsync(await Studio.PostAsJsonAsync($"/api/v1/projects/{id}/agreement/acceptances", new { version }), HttpStatusCode.OK);
        await journey.MoveAsync(id, "piloting");
        var library = Guid.NewGuid();
        var otherUnit = Guid.NewGuid();
        await EventDelivery.DeliverAsync(factory.Services, new EnvironmentChanged(library, otherUnit, "Sello Library", "library", true, DateTimeOffset.UtcNow));

        var moved = await ReadJsonAsync(await School.PutAsJsonAsync($"/api/v1/projects/{id}/environment", new { environmentId = library }), HttpStatusCode.OK);

        Assert.Equal(("agreement", otherUnit), (moved.GetProperty("phase").GetString(), moved.GetProperty("hostOrganisationId").GetGuid()));
        var refused = await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/phase", new { phase = "piloting" }), HttpStatusCode.Conflict, "phase");
        Assert.Equal("agreement-accepted", Assert.Single(refused.GetProperty("unmet").EnumerateArray()).GetProperty("code").GetString());
        var log = await ReadJsonAsync(await Public.GetAsync($"/api/v1/projects/{id}/decisions"), HttpStatusCode.OK);
        Assert.Contains(log.EnumerateArray(), d => d.GetProperty("title").GetString() == "Moved from piloting to agreement");
    }

    [Fact]
    public async Task Activities_are_scheduled_in_city_time_in_a_registered_environment_and_only_the_team_sees_the_feedback_link()
    {
        var journey = Journey;
        var id = await journey.StartAsync();
        await journey.HostAsync(id);
        object Workshop(string startsAt, string endsAt, Guid? environmentId = null) => new
        {
            kind = "workshop", title = "Design the game's first level", startsAt, endsAt, environmentId,
            stakeholderGroups = new[] { "pupils", "teachers" },
        };

        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/activities", Workshop("2027-03-04T09:00", "2027-03-04T08:00")), HttpStatusCode.BadRequest, "endsAt");
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/activities", Workshop("2027-03-04T09:00", "2027-03-04T11:00", Guid.NewGuid())), HttpStatusCode.BadRequest, "environmentId");
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/activities", new { kind = "picnic", title = "Picnic", startsAt = "2027-03-04T09:00", endsAt = "2027-03-04T11:00" }), HttpStatusCode.BadRequest, "kind");
        // 03:30 on 28 March 2027 never happens in Helsinki: the clocks go from 03:00 to 04:00.
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/activities", Workshop("2027-03-28T03:30", "2027-03-28T05:00")), HttpStatusCode.BadRequest, "startsAt");
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/activities", Workshop("9999-12-31T23:00", "9999-12-31T23:30")), HttpStatusCode.BadRequest, "startsAt");
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/activities", Workshop("0001-01-01T09:00", "0001-01-01T10:00")), HttpStatusCode.BadRequest, "startsAt");
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/activities", new
        {
            kind = "workshop", title = "Nobody's workshop", startsAt = "2027-03-04T09:00", endsAt = "2027-03-04T11:00", organisationIds = new[] { Guid.Empty },
        }), HttpStatusCode.BadRequest, "organisationIds");
        Assert.Equal(0, await factory.WithDbAsync(db => db.Activities.CountAsync(a => a.ProjectId == id)));

        var workshop = await ReadJsonAsync(await Studio.PostAsJsonAsync($"/api/v1/projects/{id}/activities", Workshop("2027-03-04T09:00", "2027-03-04T11:30")), HttpStatusCode.Created);

        // Helsinki is two hours ahead of UTC in March.
        Assert.Equal(new DateTime(2027, 3, 4, 7, 0, 0, DateTimeKind.Utc), workshop.GetProperty("startsAt").GetDateTime());
        Assert.Equal(("2027-03-04T09:00", "Tapiola School's library"), (workshop.GetProperty("startsAtLocal").GetString(), workshop.GetProperty("environmentName").GetString()));
        Assert.Equal([_school, _studio], workshop.GetProperty("organisationIds").EnumerateArray().Select(o => o.GetGuid()));
        var scheduled = Assert.Single(await factory.OutboxEventsAsync<ActivityScheduled>(id));
        Assert.Equal(("workshop", new DateTimeOffset(2027, 3, 4, 7, 0, 0, TimeSpan.Zero)), (scheduled.Kind, scheduled.StartsAt));
        var listed = await ReadJsonAsync(await Public.GetAsync($"/api/v1/projects/{id}/activities"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, Assert.Single(listed.EnumerateArray()).GetProperty("feedbackToken").ValueKind);
        var team = await ReadJsonAsync(await School.GetAsync($"/api/v1/projects/{id}/activities"), HttpStatusCode.OK);
        Assert.Equal(workshop.GetProperty("feedbackToken").GetString(), team[0].GetProperty("feedbackToken").GetString());
    }

    [Fact]
    public async Task Light_feedback_is_one_anonymous_tap_while_the_window_is_open_and_feeds_the_evaluation_record()
    {
        var journey = Journey;
        var id = await journey.StartAsync();
        await journey.HostAsync(id);
        var now = DateTime.UtcNow;
        var open = await ScheduleAsync(id, now.AddHours(-2), now.AddHours(-1));
        var closed = await ScheduleAsync(id, now.AddDays(-9), now.AddDays(-8));
        var upcoming = await ScheduleAsync(id, now.AddDays(1), now.AddDays(1).AddHours(2));

        var link = await ReadJsonAsync(await Public.GetAsync($"/api/v1/feedback/{open}"), HttpStatusCode.OK);
        Assert.Equal(("Museum game", true), (link.GetProperty("projectTitle").GetString(), link.GetProperty("open").GetBoolean()));
        await AssertProblemAsync(await Public.PostAsJsonAsync($"/api/v1/feedback/{open}", new { rating = 6 }), HttpStatusCode.BadRequest, "rating");
        await AssertProblemAsync(await Public.PostAsJsonAsync($"/api/v1/feedback/{open}", new { rating = 4, group = "aliens" }), HttpStatusCode.BadRequest, "group");
        await AssertProblemAsync(await Public.PostAsJsonAsync($"/api/v1/feedback/{closed}", new { rating = 4 }), HttpStatusCode.Conflict, "token");
        await AssertProblemAsync(await Public.PostAsJsonAsync($"/api/v1/feedback/{upcoming}", new { rating = 4 }), HttpStatusCode.Conflict, "token");
        await AssertProblemAsync(await Public.PostAsJsonAsync("/api/v1/feedback/not-a-link", new { rating = 4 }), HttpStatusCode.NotFound);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Evaluations.CountAsync(e => e.ProjectId == id)));

        await ReadJsonAsync(await Public.PostAsJsonAsync($"/api/v1/feedback/{open}", new { rating = 5, word = "Fun!", group = "pupils" }), HttpStatusCode.Created);
        await ReadJsonAsync(await Public.PostAsJsonAsync($"/api/v1/feedback/{open}", new { rating = 3 }), HttpStatusCode.Created);

        var evaluations = await ReadJsonAsync(await School.GetAsync($"/api/v1/projects/{id}/evaluations"), HttpStatusCode.OK);
        Assert.Equal([("others", 3, "light-feedback"), ("pupils", 5, "light-feedback")],
            evaluations.EnumerateArray().Select(e => (e.GetProperty("group").GetString(), e.GetProperty("rating").GetInt32(), e.GetProperty("source").GetString())).Order());
        Assert.Contains(evaluations.EnumerateArray(), e => e.GetProperty("text").GetString() == "Fun!");
        // The public sees the ratings, not the words.
        var publicView = await ReadJsonAsync(await Public.GetAsync($"/api/v1/projects/{id}/evaluations"), HttpStatusCode.OK);
        Assert.All(publicView.EnumerateArray(), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("text").ValueKind));
        Assert.Equal(2, (await factory.OutboxEventsAsync<EvaluationSubmitted>(id)).Count);
        Assert.All(await factory.WithDbAsync(db => db.Evaluations.Where(e => e.ProjectId == id).ToListAsync()), e => Assert.Null(e.GivenByPersonId));
    }

    [Fact]
    public async Task A_light_feedback_tap_speaks_only_for_the_activitys_own_groups_or_others()
    {
        var journey = Journey;
        var id = await journey.StartAsync();
        await journey.HostAsync(id);
        var now = DateTime.UtcNow;
        var session = await ReadJsonAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/activities",
            new { kind = "pilot-session", title = "Play-test", startsAt = now.AddHours(-2).ToString("O"), endsAt = now.AddHours(-1).ToString("O"), stakeholderGroups = new[] { "pupils" } }),
            HttpStatusCode.Created);
        var token = session.GetProperty("feedbackToken").GetString();

        var link = await ReadJsonAsync(await Public.GetAsync($"/api/v1/feedback/{token}"), HttpStatusCode.OK);
        Assert.Equal(["pupils", "others"], link.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        await AssertProblemAsync(await Public.PostAsJsonAsync($"/api/v1/feedback/{token}", new { rating = 5, group = "company" }), HttpStatusCode.BadRequest, "group");
        await ReadJsonAsync(await Public.PostAsJsonAsync($"/api/v1/feedback/{token}", new { rating = 5, group = "pupils" }), HttpStatusCode.Created);
        await ReadJsonAsync(await Public.PostAsJsonAsync($"/api/v1/feedback/{token}", new { rating = 4 }), HttpStatusCode.Created);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Evaluations.CountAsync(e => e.ProjectId == id)));

        await ReadJsonAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/phase", new { phase = "discontinued", reason = "The school closed." }), HttpStatusCode.OK);
        await AssertProblemAsync(await Public.PostAsJsonAsync($"/api/v1/feedback/{token}", new { rating = 5, group = "pupils" }), HttpStatusCode.Conflict, "token");
        Assert.Equal(2, await factory.WithDbAsync(db => db.Evaluations.CountAsync(e => e.ProjectId == id)));
    }

    private async Task<string> ScheduleAsync(Guid project, DateTime startsAt, DateTime endsAt)
    {
        var activity = await ReadJsonAsync(await School.PostAsJsonAsync($"/api/v1/projects/{project}/activities",
            new { kind = "pilot-session", title = "Play-test", startsAt = startsAt.ToString("O"), endsAt = endsAt.ToString("O") }), HttpStatusCode.Created);
        return activity.GetProperty("feedbackToken").GetString()!;
    }

    [Fact]
    public async Task Evaluations_are_rated_one_to_five_by_the_team_and_summarised_by_group_and_week()
    {
        var journey = Journey;
        var id = await journey.StartAsync();
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/evaluations", new { group = "teachers", rating = 0 }), HttpStatusCode.BadRequest, "rating");
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/evaluations", new { group = "teachers", rating = 4, activityId = Guid.NewGuid() }), HttpStatusCode.BadRequest, "activityId");
        await AssertProblemAsync(await factory.ClientAs("outsider", Guid.NewGuid()).PostAsJsonAsync($"/api/v1/projects/{id}/evaluations", new { group = "city", rating = 4 }), HttpStatusCode.Forbidden);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Evaluations.CountAsync(e => e.ProjectId == id)));

        await journey.EvaluateAsync(id, "teachers", 4);
        await journey.EvaluateAsync(id, "teachers", 3);
        await journey.EvaluateAsync(id, "company", 5, byPartner: true);
        var summary = await ReadJsonAsync(await Public.GetAsync($"/api/v1/projects/{id}/evaluations/summary"), HttpStatusCode.OK);

        Assert.Equal((3, 4.0), (summary.GetProperty("count").GetInt32(), summary.GetProperty("meanRating").GetDouble()));
        Assert.Equal([("teachers", 2, 3.5), ("company", 1, 5.0)], summary.GetProperty("groups").EnumerateArray()
            .Select(g => (g.GetProperty("group").GetString(), g.GetProperty("count").GetInt32(), g.GetProperty("meanRating").GetDouble())));
        var week = Assert.Single(summary.GetProperty("groups")[0].GetProperty("weeks").EnumerateArray());
        Assert.Equal(DayOfWeek.Monday, DateOnly.Parse(week.GetProperty("week").GetString()!, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek);
    }

    [Fact]
    public async Task The_decision_log_is_public_and_append_only_a_correction_is_a_new_entry_and_phase_moves_log_themselves()
    {
        var journey = Journey;
        var id = await journey.StartAsync();
        var evaluation = await journey.EvaluateAsync(id, "teachers", 2);
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/decisions",
            new { title = "Shorter sessions", rationale = "Pupils tire.", evaluationIds = new[] { Guid.NewGuid() } }), HttpStatusCode.BadRequest, "evaluationIds");
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/decisions",
            new { title = "Shorter sessions", rationale = "Pupils tire.", corrects = 9 }), HttpStatusCode.BadRequest, "corrects");
        await AssertProblemAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/decisions", new { title = "No reason", rationale = "" }), HttpStatusCode.BadRequest, "rationale");
        Assert.Equal(0, await factory.WithDbAsync(db => db.Decisions.CountAsync(d => d.ProjectId == id)));

        var first = await ReadJsonAsync(await School.PostAsJsonAsync($"/api/v1/projects/{id}/decisions",
            new { title = "Sessions of 45 minutes", rationale = "The teachers' evaluation: pupils tire after an hour.", evaluationIds = new[] { evaluation } }), HttpStatusCode.Created);
        await ReadJsonAsync(await Studio.PostAsJsonAsync($"/api/v1/projects/{id}/decisions",
            new { title = "Sessions of 40 minutes", rationale = "A lesson is 45 minutes; setting up takes five.", corrects = first.GetProperty("number").GetInt32() }), HttpStatusCode.Created);
        await journey.AnswerCanvasAsync(id);
        await journey.MoveAsync(id, "agreement");

        var log = await ReadJsonAsync(await Public.GetAsync($"/api/v1/projects/{id}/decisions"), HttpStatusCode.OK);
        Assert.Equal([(1, (int?)null, _school), (2, 1, _studio), (3, null, _school)], log.EnumerateArray().Select(d => (d.GetProperty("number").GetInt32(),
            d.GetProperty("corrects").ValueKind == JsonValueKind.Null ? null : (int?)d.GetProperty("corrects").GetInt32(), d.GetProperty("decidedByOrganisationId").GetGuid())));
        Assert.Equal([evaluation], log[0].GetProperty("evaluationIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal("agreement", log[2].GetProperty("toPhase").GetString());
        Assert.All(log.EnumerateArray(), d => Assert.Equal(JsonValueKind.Null, d.GetProperty("recordedByPersonId").ValueKind));
        Assert.Equal([1, 2, 3], (await factory.OutboxEventsAsync<DecisionRecorded>(id)).Select(d => d.Number));
        var csv = await Public.GetStringAsync("/api/v1/open-data/decisions.csv");
        Assert.Contains("Sessions of 40 minutes", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("teacher-anna", csv, StringComparison.Ordinal);
    }
}

/// <summary>Light feedback from one address is limited, so a script cannot drown a class's voice.</summary>
public sealed class LightFeedbackLimitTests(StrictFeedbackFactory factory) : IClassFixture<StrictFeedbackFactory>
{
    [Fact]
    public async Task Too_much_feedback_from_one_address_is_a_429_that_says_when_to_retry_and_stores_nothing()
    {
        var school = Guid.NewGuid();
        var studio = Guid.NewGuid();
        var journey = new ProjectJourney(factory.Services, () => factory.ClientAs("teacher-anna", school), school, () => factory.ClientAs("game-dev", studio), studio);
        var id = await journey.StartAsync();
        await journey.HostAsync(id);
        var activity = await ReadJsonAsync(await factory.ClientAs("teacher-anna", school).PostAsJsonAsync($"/api/v1/projects/{id}/activities",
            new { kind = "community-reporting", title = "Stories of the yard", startsAt = DateTime.UtcNow.AddHours(-1).ToString("O"), endsAt = DateTime.UtcNow.ToString("O") }), HttpStatusCode.Created);
        var token = activity.GetProperty("feedbackToken").GetString();
        var anonymous = factory.ClientAs(null);
        for (var i = 0; i < 3; i++)
        {
            await ReadJsonAsync(await anonymous.PostAsJsonAsync($"/api/v1/feedback/{token}", new { rating = 4 }), HttpStatusCode.Created);
        }

        using var refused = await anonymous.PostAsJsonAsync($"/api/v1/feedback/{token}", new { rating = 1 });

        await AssertProblemAsync(refused, (HttpStatusCode)429);
        Assert.True(int.Parse(refused.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoCreation.Projects.Infrastructure.ProjectsDbContext>();
        Assert.Equal([4, 4, 4], await db.Evaluations.Where(e => e.ProjectId == id).Select(e => e.Rating).ToListAsync());
    }
}
