using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntegrationEvents;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Identity.FunctionalTests;

/// <summary>A person downloads what the platform holds about them, and erases their account.</summary>
public sealed class PersonalDataTests(IdentityServiceFactory factory) : IClassFixture<IdentityServiceFactory>
{
    private const string Password = "my own long passphrase";

    /// <summary>A fresh, confirmed person (so that erasing them leaves the demo people alone).</summary>
    private async Task<(string Email, HttpClient Client)> NewPersonAsync()
    {
        var email = $"person-{Guid.NewGuid():N}@example.org";
        using (var registered = await factory.CreateClient().PostAsJsonAsync("/api/v1/accounts", new { email, password = Password, displayName = "Pia Person" }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }
        await factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.EmailConfirmed = true;
            return await db.SaveChangesAsync();
        });
        return (email, factory.ClientWithToken((await factory.SignInAsync(email, Password)).GetProperty("access_token").GetString()!));
    }

    [Fact]
    public async Task An_export_gathers_each_services_answer_once_and_says_what_is_still_missing()
    {
        var (_, person) = await NewPersonAsync();
        var me = await person.GetFromJsonAsync<JsonElement>("/api/v1/me");

        using var requested = await person.PostAsync("/api/v1/me/personal-data-exports", null);
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var export = await requested.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(export.GetProperty("complete").GetBoolean());
        Assert.Equal(["ideas", "partner-matching", "projects", "notifications"], export.GetProperty("missing").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("Pia Person", export.GetProperty("data").GetProperty("identity").GetProperty("account").GetProperty("displayName").GetString());
        Assert.Equal(TimeSpan.FromDays(7), export.GetProperty("expiresAt").GetDateTime() - export.GetProperty("requestedAt").GetDateTime());
        var exportId = export.GetProperty("id").GetGuid();
        var personId = me.GetProperty("id").GetString()!;
        Assert.Contains(await factory.OutboxEventsAsync<PersonalDataExportRequested>(), e => e.ExportId == exportId && e.PersonId == personId);

        var bus = factory.Services.GetRequiredService<ITestHarness>().Bus;
        var answer = new PersonalDataCollected(exportId, personId, "ideas", """{"comments":[{"body":"Hello"}]}""", DateTime.UtcNow);
        var messageId = Guid.NewGuid();
        await bus.Publish(answer, (PublishContext<PersonalDataCollected> c) => c.MessageId = messageId);
        await bus.Publish(answer with { DataJson = """{"comments":[]}""" }, (PublishContext<PersonalDataCollected> c) => c.MessageId = Guid.NewGuid());

        var download = await WaitForAsync(person, requested.Headers.Location!.ToString(), e => !e.GetProperty("missing").EnumerateArray().Any(s => s.GetString() == "ideas"));
        Assert.Equal("Hello", download.GetProperty("data").GetProperty("ideas").GetProperty("comments")[0].GetProperty("body").GetString());
        Assert.Equal(["partner-matching", "projects", "notifications"], download.GetProperty("missing").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task An_export_is_kept_for_a_week_and_then_gone()
    {
        var (_, person) = await NewPersonAsync();
        using var requested = await person.PostAsync("/api/v1/me/personal-data-exports", null);
        var exportId = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync(requested.Headers.Location)).StatusCode);

        await factory.WithDbAsync(db => db.PersonalDataExports.Where(e => e.Id == exportId)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.RequestedAt, DateTime.UtcNow.AddDays(-8))));

        await AssertProblemAsync(await person.GetAsync(requested.Headers.Location), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Nobody_else_can_download_a_persons_export()
    {
        var (_, person) = await NewPersonAsync();
        using var requested = await person.PostAsync("/api/v1/me/personal-data-exports", null);
        var (_, someoneElse) = await NewPersonAsync();

        using var response = await someoneElse.GetAsync(requested.Headers.Location);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Erasing_needs_the_password_and_then_removes_the_account_and_tells_the_services()
    {
        var (email, person) = await NewPersonAsync();
        var personId = (await person.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("id").GetString()!;

        using (var wrong = await person.PostAsJsonAsync("/api/v1/me/erasure", new { password = "not my password at all" }))
        {
            await AssertProblemAsync(wrong, HttpStatusCode.BadRequest, "password");
        }
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == personId)));

        using var erased = await person.PostAsJsonAsync("/api/v1/me/erasure", new { password = Password });

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        var told = Assert.Single(await factory.OutboxEventsAsync<PersonErased>(), e => e.PersonId == personId);
        Assert.StartsWith("erased-", told.Pseudonym, StringComparison.Ordinal);
        Assert.DoesNotContain(personId, told.Pseudonym, StringComparison.Ordinal);
        // The token still in hand names an account that is gone.
        await AssertProblemAsync(await person.GetAsync("/api/v1/me"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_only_admin_of_an_organisation_with_members_must_hand_over_first()
    {
        var (_, founder) = await NewPersonAsync();
        using var created = await founder.PostAsJsonAsync("/api/v1/me/organisations", new { name = "Handover Oy" });
        var organisation = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (colleagueEmail, _) = await NewPersonAsync();
        // Admin rights come from the membership, so the founder's token from before the organisation existed will do.
        using (var added = await founder.PostAsJsonAsync($"/api/v1/organisations/{organisation}/members", new { email = colleagueEmail, role = "member" }))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        using var erased = await founder.PostAsJsonAsync("/api/v1/me/erasure", new { password = Password });

        await AssertProblemAsync(erased, HttpStatusCode.Conflict, "organisations");
        var me = await founder.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("Pia Person", me.GetProperty("displayName").GetString());
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string location, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var export = await client.GetFromJsonAsync<JsonElement>(location);
            if (done(export) || DateTime.UtcNow > deadline)
            {
                return export;
            }
            await Task.Delay(100);
        }
    }
}
