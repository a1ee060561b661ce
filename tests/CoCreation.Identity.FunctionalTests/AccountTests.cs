using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.Testing;
using CoCreation.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Identity.FunctionalTests;

/// <summary>Registration, email confirmation and password reset: each mail goes out as an event in the same commit as the change.</summary>
public sealed class AccountTests(IdentityServiceFactory factory) : IClassFixture<IdentityServiceFactory>
{
    private const string GoodPassword = "correct horse battery staple";

    private static (string PersonId, string Token) LinkParts(string link)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        return (query["personId"]!, query["token"]!);
    }

    private async Task<HttpResponseMessage> RegisterAsync(string email, string password = GoodPassword, string name = "Test Person") =>
        await factory.CreateClient().PostAsJsonAsync("/api/v1/accounts", new { email, password, displayName = name });

    private Task<int> CountAccountsAsync() => factory.WithDbAsync(db => db.Users.CountAsync());

    [Fact]
    public async Task A_person_registers_confirms_the_address_from_the_mailed_link_and_can_then_sign_in()
    {
        var email = $"new-{Guid.NewGuid():N}@example.org";
        using var registered = await RegisterAsync(email, name: "Noora New");
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var account = await registered.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(account.GetProperty("emailConfirmed").GetBoolean());

        var mail = Assert.Single(await factory.OutboxEventsAsync<EmailConfirmationRequested>(), e => e.Email == email);
        Assert.Equal("Noora New", mail.DisplayName);
        Assert.StartsWith("https://cocreation.test/account/confirm-email?", mail.ConfirmationLink, StringComparison.Ordinal);

        // Not yet confirmed: the sign-in page says what to do.
        var browser = factory.Browser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await browser.GetStringAsync("/account/login");
        using (var early = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
               {
                   ["__RequestVerificationToken"] = OAuthBrowser.AntiforgeryToken(page), ["email"] = email, ["password"] = GoodPassword,
               })))
        {
            Assert.Contains("Confirm your email address first", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var (personId, token) = LinkParts(mail.ConfirmationLink);
        using var english = factory.CreateClient();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using var confirmed = await english.GetAsync(new Uri(mail.ConfirmationLink).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Email address confirmed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var tokens = await factory.SignInAsync(email, GoodPassword);
        var me = await factory.ClientWithToken(tokens.GetProperty("access_token").GetString()!).GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(personId, me.GetProperty("id").GetString());
        Assert.True(me.GetProperty("emailConfirmed").GetBoolean());
        Assert.Equal(0, me.GetProperty("organisations").GetArrayLength());
        Assert.NotEmpty(token);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("password1234")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    public async Task A_weak_password_is_a_problem_naming_password_and_stores_nothing(string password)
    {
        var before = await CountAccountsAsync();

        using var response = await RegisterAsync($"weak-{Guid.NewGuid():N}@example.org", password);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "password");
        Assert.Equal(before, await CountAccountsAsync());
    }

    [Fact]
    public async Task A_password_containing_the_address_is_refused()
    {
        using var response = await RegisterAsync("maija.meikalainen@example.org", "maija.meikalainen-2026");
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "password");
    }

    [Fact]
    public async Task A_taken_address_is_a_409_naming_email_and_sends_no_second_mail()
    {
        var mailsBefore = (await factory.OutboxEventsAsync<EmailConfirmationRequested>()).Count;
        var before = await CountAccountsAsync();

        using var response = await RegisterAsync("resident@cocreation.test");

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "email");
        Assert.Equal(before, await CountAccountsAsync());
        Assert.Equal(mailsBefore, (await factory.OutboxEventsAsync<EmailConfirmationRequested>()).Count);
    }

    [Fact]
    public async Task Registrations_of_one_address_at_the_same_moment_make_one_account_and_409s()
    {
        var email = $"race-{Guid.NewGuid():N}@example.org";

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => RegisterAsync(email)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
        Assert.Single(await factory.OutboxEventsAsync<EmailConfirmationRequested>(), e => e.Email == email);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_malformed_address_or_missing_name_is_a_problem_naming_the_field()
    {
        using var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/accounts", new { email = "not-an-address", password = GoodPassword });
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "email");
        Assert.True(problem.GetProperty("errors").TryGetProperty("displayName", out _));
    }

    [Fact]
    public async Task A_password_reset_mails_a_link_for_a_known_address_only_and_answers_the_same_for_both()
    {
        var email = $"reset-{Guid.NewGuid():N}@example.org";
        using (var registered = await RegisterAsync(email))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }
        var client = factory.CreateClient();

        using var known = await client.PostAsJsonAsync("/api/v1/accounts/password-reset", new { email });
        using var unknown = await client.PostAsJsonAsync("/api/v1/accounts/password-reset", new { email = $"nobody-{Guid.NewGuid():N}@example.org" });

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        var mail = Assert.Single(await factory.OutboxEventsAsync<PasswordResetRequested>(), e => e.Email == email);
        var (personId, token) = LinkParts(mail.ResetLink);

        using (var weak = await client.PostAsJsonAsync("/api/v1/accounts/password-reset/confirm", new { personId, token, newPassword = "123456789012" }))
        {
            await AssertProblemAsync(weak, HttpStatusCode.BadRequest, "newPassword");
        }
        using (var tampered = await client.PostAsJsonAsync("/api/v1/accounts/password-reset/confirm", new { personId, token = token + "x", newPassword = "a brand new passphrase" }))
        {
            await AssertProblemAsync(tampered, HttpStatusCode.BadRequest, "token");
        }
        using var reset = await client.PostAsJsonAsync("/api/v1/accounts/password-reset/confirm", new { personId, token, newPassword = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        // The reset also confirmed the address (the person read the mail), so the new password signs in.
        var tokens = await factory.SignInAsync(email, "a brand new passphrase");
        Assert.True(tokens.TryGetProperty("access_token", out _));
        using var reused = await client.PostAsJsonAsync("/api/v1/accounts/password-reset/confirm", new { personId, token, newPassword = "yet another passphrase" });
        await AssertProblemAsync(reused, HttpStatusCode.BadRequest, "token");
    }

    [Fact]
    public async Task A_person_registers_an_organisation_and_becomes_its_admin()
    {
        var token = await factory.AccessTokenAsync("resident@cocreation.test");
        var client = factory.ClientWithToken(token);

        using var created = await client.PostAsJsonAsync("/api/v1/me/organisations", new { name = "Riku's Robotics Club" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var organisation = await created.Content.ReadFromJsonAsync<JsonElement>();

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var membership = me.GetProperty("organisations").EnumerateArray().Single(o => o.GetProperty("organisationId").GetGuid() == organisation.GetProperty("id").GetGuid());
        Assert.Equal("admin", membership.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Only_an_administrator_sets_platform_roles_and_an_unknown_role_is_refused()
    {
        var resident = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "partner-member@cocreation.test"));
        var moderator = factory.ClientWithToken(await factory.AccessTokenAsync("moderator@cocreation.test"));
        var administrator = factory.ClientWithToken(await factory.AccessTokenAsync("admin@cocreation.test"));

        using (var refused = await moderator.PutAsJsonAsync($"/api/v1/accounts/{resident.Id}/roles", new { roles = new[] { "administrator" } }))
        {
            await AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        }
        using (var unknown = await administrator.PutAsJsonAsync($"/api/v1/accounts/{resident.Id}/roles", new { roles = new[] { "emperor" } }))
        {
            await AssertProblemAsync(unknown, HttpStatusCode.BadRequest, "roles");
        }
        using var granted = await administrator.PutAsJsonAsync($"/api/v1/accounts/{resident.Id}/roles", new { roles = new[] { "moderator" } });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(["moderator"], (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        using var revoked = await administrator.PutAsJsonAsync($"/api/v1/accounts/{resident.Id}/roles", new { roles = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
    }

    [Fact]
    public async Task An_administrator_finds_an_account_by_address_and_nobody_else_may()
    {
        var moderator = factory.ClientWithToken(await factory.AccessTokenAsync("moderator@cocreation.test"));
        var administrator = factory.ClientWithToken(await factory.AccessTokenAsync("admin@cocreation.test"));

        await AssertProblemAsync(await moderator.GetAsync("/api/v1/accounts?email=partner-member@cocreation.test"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await administrator.GetAsync("/api/v1/accounts"), HttpStatusCode.BadRequest, "email");
        using (var missing = await administrator.GetAsync("/api/v1/accounts?email=nobody@example.org"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("No account has this address.", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }
        var found = await administrator.GetFromJsonAsync<JsonElement>("/api/v1/accounts?email=%20partner-member@cocreation.test");
        Assert.Equal("Pekka Partner", found.GetProperty("displayName").GetString());
        Assert.Equal("Demo partner company", found.GetProperty("organisations")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_partner_systems_token_has_no_account()
    {
        using var tokenResponse = await factory.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "demo-partner", ["client_secret"] = IdentityServiceFactory.DemoSecret,
        }));
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;

        using var response = await factory.ClientWithToken(token).GetAsync("/api/v1/me");

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }
}
