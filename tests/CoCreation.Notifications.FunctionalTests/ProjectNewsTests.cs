using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntegrationEvents;
using CoCreation.Notifications.IntegrationEvents;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Notifications.FunctionalTests;

/// <summary>What a project asks of its organisations' people reaches their inboxes, and nobody else's.</summary>
public sealed class ProjectNewsTests(NotificationsServiceFactory factory) : IClassFixture<NotificationsServiceFactory>
{
    private async Task<List<JsonElement>> InboxAsync(string person)
    {
        using var response = await factory.ClientAs(person).GetAsync("/api/v1/notifications");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task The_projects_people_hear_of_its_phase_its_agreement_its_activities_and_its_decisions_and_an_outsider_hears_nothing()
    {
        var (school, studio, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (teacher, designer, outsider) = ("teacher-" + Guid.NewGuid().ToString("N")[..6], "designer-" + Guid.NewGuid().ToString("N")[..6], "outsider-" + Guid.NewGuid().ToString("N")[..6]);
        var at = DateTime.UtcNow;
        await factory.DeliverAsync(new MembershipChanged(school, teacher, "admin", at));
        await factory.DeliverAsync(new MembershipChanged(studio, designer, "member", at));
        await factory.DeliverAsync(new MembershipChanged(other, outsider, "member", at));
        var project = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;

        await factory.DeliverAsync(new ProjectAgreementChanged(project, "Museum game", 2, [school, studio], now));
        await factory.DeliverAsync(new ProjectPhaseChanged(project, "agreement", "piloting", null, school, [studio], now, "Museum game"));
        await factory.DeliverAsync(new ActivityScheduled(project, "Museum game", Guid.NewGuid(), "pilot-session", "First play-test",
            new DateTimeOffset(2027, 3, 4, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 4, 9, 0, 0, TimeSpan.Zero), Guid.NewGuid(), [school, studio], now));
        await factory.DeliverAsync(new DecisionRecorded(project, "Museum game", 3, "Sessions of 40 minutes", studio, 1, [school, studio], now));

        foreach (var person in new[] { teacher, designer })
        {
            var inbox = await InboxAsync(person);
            Assert.Equal(["project-activity-scheduled", "project-agreement-to-accept", "project-decision-recorded", "project-phase-changed"],
                inbox.Select(n => n.GetProperty("kind").GetString()).Order());
            Assert.All(inbox, n => Assert.Equal($"/api/v1/projects/{project}", n.GetProperty("link").GetString()));
            Assert.Contains(inbox, n => n.GetProperty("title").GetString() == "\"Museum game\" moved to piloting");
            Assert.Contains(inbox, n => n.GetProperty("body").GetString()!.Contains("2027-03-04 07:00 UTC", StringComparison.Ordinal));
            Assert.Contains(inbox, n => n.GetProperty("body").GetString() == "It corrects decision 1 of the project's public log.");
        }
        Assert.Empty(await InboxAsync(outsider));
    }

    [Fact]
    public async Task The_invited_organisations_people_hear_of_the_invitation_and_the_owners_people_hear_the_answer()
    {
        var (school, studio) = (Guid.NewGuid(), Guid.NewGuid());
        var (teacher, designer) = ("teacher-" + Guid.NewGuid().ToString("N")[..6], "designer-" + Guid.NewGuid().ToString("N")[..6]);
        await factory.DeliverAsync(new MembershipChanged(school, teacher, "admin", DateTime.UtcNow));
        await factory.DeliverAsync(new MembershipChanged(studio, designer, "member", DateTime.UtcNow));
        var (project, invitation) = (Guid.NewGuid(), Guid.NewGuid());

        await factory.DeliverAsync(new ProjectInvitationSent(project, "Museum game", invitation, studio, school, "Join us!", DateTimeOffset.UtcNow));
        var invited = Assert.Single(await InboxAsync(designer));
        Assert.Equal(("project-invitation", "Your organisation is invited to \"Museum game\"", "Join us!"),
            (invited.GetProperty("kind").GetString(), invited.GetProperty("title").GetString(), invited.GetProperty("body").GetString()));
        Assert.Empty(await InboxAsync(teacher));

        await factory.DeliverAsync(new ProjectInvitationAnswered(project, "Museum game", invitation, studio, school, true, DateTimeOffset.UtcNow));
        var answered = Assert.Single(await InboxAsync(teacher));
        Assert.Equal("An invited organisation joined \"Museum game\"", answered.GetProperty("title").GetString());
        Assert.Single(await InboxAsync(designer));
    }

    [Fact]
    public async Task The_people_of_an_activity_are_reminded_once_the_day_before_and_not_of_one_scheduled_that_close()
    {
        var (school, other) = (Guid.NewGuid(), Guid.NewGuid());
        var (teacher, outsider) = ("teacher-" + Guid.NewGuid().ToString("N")[..6], "outsider-" + Guid.NewGuid().ToString("N")[..6]);
        await factory.DeliverAsync(new MembershipChanged(school, teacher, "member", DateTime.UtcNow));
        await factory.DeliverAsync(new MembershipChanged(other, outsider, "member", DateTime.UtcNow));
        var project = Guid.NewGuid();
        var now = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(10), TimeSpan.Zero);
        async Task ScheduleAsync(string title, TimeSpan startsIn) => await factory.DeliverAsync(new ActivityScheduled(project, "Museum game", Guid.NewGuid(),
            "workshop", title, now + startsIn, now + startsIn + TimeSpan.FromHours(2), Guid.NewGuid(), [school], now));
        await ScheduleAsync("Ideas workshop", TimeSpan.FromHours(30));
        await ScheduleAsync("Same-day workshop", TimeSpan.FromHours(3));
        await ScheduleAsync("Later workshop", TimeSpan.FromDays(5));

        async Task<int> RemindAsync(DateTimeOffset at)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ActivityReminders>().SendDueAsync(at.UtcDateTime, CancellationToken.None);
        }
        Assert.Equal(0, await RemindAsync(now + TimeSpan.FromHours(1))); // the same-day one was news already; the others are too far
        Assert.Equal(1, await RemindAsync(now + TimeSpan.FromHours(7)));
        Assert.Equal(0, await RemindAsync(now + TimeSpan.FromHours(8))); // once only

        var reminders = (await InboxAsync(teacher)).Where(n => n.GetProperty("kind").GetString() == "project-activity-tomorrow").ToList();
        var reminder = Assert.Single(reminders);
        Assert.Equal("Coming up: \"Ideas workshop\" in \"Museum game\"", reminder.GetProperty("title").GetString());
        Assert.Contains((now + TimeSpan.FromHours(30)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), reminder.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Empty(await InboxAsync(outsider));
    }
}
