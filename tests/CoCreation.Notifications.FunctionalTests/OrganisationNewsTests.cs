using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntegrationEvents;

namespace CoCreation.Notifications.FunctionalTests;

/// <summary>News for an organisation reaches its people, as the identity service says who they are.</summary>
public sealed class OrganisationNewsTests(NotificationsServiceFactory factory) : IClassFixture<NotificationsServiceFactory>
{
    private async Task<List<JsonElement>> InboxAsync(string person)
    {
        using var response = await factory.ClientAs(person).GetAsync("/api/v1/notifications");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];
    }

    private static MatchesSuggested Suggested(Guid organisation) => new(Guid.NewGuid(), "Museum game for pupils", Guid.NewGuid(),
        [new SuggestedPartner(organisation, "Pelipaja", 0.82, ["competences: game design", "themes: museums"])], DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_suggested_organisations_members_hear_why_and_someone_who_left_does_not()
    {
        var studio = Guid.NewGuid();
        var (ceo, designer, former) = ("ceo-" + Guid.NewGuid().ToString("N")[..6], "designer-" + Guid.NewGuid().ToString("N")[..6], "former-" + Guid.NewGuid().ToString("N")[..6]);
        var at = DateTime.UtcNow;
        await factory.DeliverAsync(new MembershipChanged(studio, ceo, "admin", at));
        await factory.DeliverAsync(new MembershipChanged(studio, designer, "member", at));
        await factory.DeliverAsync(new MembershipChanged(studio, former, "member", at));
        await factory.DeliverAsync(new MembershipChanged(studio, former, null, at.AddSeconds(1)));

        await factory.DeliverAsync(Suggested(studio));

        foreach (var person in new[] { ceo, designer })
        {
            var notification = Assert.Single(await InboxAsync(person));
            Assert.Equal("matches-suggested", notification.GetProperty("kind").GetString());
            Assert.Contains("could partner on \"Museum game for pupils\"", notification.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Contains("competences: game design", notification.GetProperty("body").GetString(), StringComparison.Ordinal);
        }
        Assert.Empty(await InboxAsync(former));
    }

    [Fact]
    public async Task A_membership_change_that_arrives_late_does_not_undo_a_newer_one()
    {
        var library = Guid.NewGuid();
        var person = "librarian-" + Guid.NewGuid().ToString("N")[..6];
        var at = DateTime.UtcNow;
        await factory.DeliverAsync(new MembershipChanged(library, person, null, at.AddSeconds(5)));   // left...
        await factory.DeliverAsync(new MembershipChanged(library, person, "member", at));             // ...the join arrives after

        await factory.DeliverAsync(Suggested(library));

        Assert.Empty(await InboxAsync(person));
    }
}
