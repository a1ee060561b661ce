using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Identity.FunctionalTests;

/// <summary>Organisation admins manage their organisation's API clients and members; nobody else does.</summary>
public sealed class OrganisationAccessTests(IdentityServiceFactory factory) : IClassFixture<IdentityServiceFactory>
{
    private static readonly string Clients = $"/api/v1/organisations/{IdentityServiceFactory.DemoOrganisation}/clients";
    private static readonly string Members = $"/api/v1/organisations/{IdentityServiceFactory.DemoOrganisation}/members";

    private async Task<HttpClient> AsAsync(string email) => factory.ClientWithToken(await factory.AccessTokenAsync(email));

    private async Task<(HttpStatusCode Status, JsonElement Body)> ClientCredentialsAsync(string clientId, string secret)
    {
        using var response = await factory.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task An_admin_creates_a_client_whose_secret_is_shown_once_and_stored_only_hashed()
    {
        var admin = await AsAsync("partner-admin@cocreation.test");

        using var created = await admin.PostAsJsonAsync(Clients, new { name = "Our booking system", scopes = new[] { "ideas.read", "ideas.write" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("no-store", created.Headers.CacheControl?.ToString());
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();
        var clientId = client.GetProperty("clientId").GetString()!;
        var secret = client.GetProperty("clientSecret").GetString()!;
        Assert.True(secret.Length >= 40);

        var (status, body) = await ClientCredentialsAsync(clientId, secret);
        Assert.Equal(HttpStatusCode.OK, status);
        var token = new JwtSecurityTokenHandler().ReadJwtToken(body.GetProperty("access_token").GetString());
        Assert.Equal(IdentityServiceFactory.DemoOrganisation.ToString(), token.Claims.Single(c => c.Type == "organisation_id").Value);
        Assert.Equal("ideas.read ideas.write", token.Claims.Single(c => c.Type == "scope").Value);

        var listed = await admin.GetFromJsonAsync<JsonElement>(Clients);
        var row = listed.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == clientId);
        Assert.False(row.TryGetProperty("clientSecret", out _));
        var stored = await factory.WithDbAsync(db => db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>()
            .AsNoTracking().SingleAsync(a => a.ClientId == clientId));
        Assert.NotEqual(secret, stored.ClientSecret);
        Assert.DoesNotContain(secret, stored.ClientSecret!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotating_a_secret_stops_the_old_one_and_revoking_stops_the_client()
    {
        var admin = await AsAsync("partner-admin@cocreation.test");
        using var created = await admin.PostAsJsonAsync(Clients, new { name = "Rotating system", scopes = new[] { "ideas.read" } });
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();
        var clientId = client.GetProperty("clientId").GetString()!;
        var oldSecret = client.GetProperty("clientSecret").GetString()!;

        using var rotated = await admin.PostAsync($"{Clients}/{clientId}/secret", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized, (await ClientCredentialsAsync(clientId, oldSecret)).Status);
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(clientId, newSecret)).Status);

        using var revoked = await admin.DeleteAsync($"{Clients}/{clientId}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var (status, body) = await ClientCredentialsAsync(clientId, newSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        var listed = await admin.GetFromJsonAsync<JsonElement>(Clients);
        Assert.Equal(JsonValueKind.String, listed.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == clientId).GetProperty("revokedAt").ValueKind);
    }

    [Theory]
    [InlineData("partner-member@cocreation.test")]
    [InlineData("school@cocreation.test")]
    [InlineData("moderator@cocreation.test")]
    public async Task A_member_another_organisations_admin_or_a_moderator_may_not_manage_clients(string email)
    {
        var person = await AsAsync(email);
        var before = await factory.WithDbAsync(db => db.ApiClients.CountAsync());

        using var create = await person.PostAsJsonAsync(Clients, new { name = "Not allowed", scopes = new[] { "ideas.read" } });
        using var list = await person.GetAsync(Clients);
        using var revoke = await person.DeleteAsync($"{Clients}/demo-partner");

        await AssertProblemAsync(create, HttpStatusCode.Forbidden);
        await AssertProblemAsync(list, HttpStatusCode.Forbidden);
        await AssertProblemAsync(revoke, HttpStatusCode.Forbidden);
        Assert.Equal(before, await factory.WithDbAsync(db => db.ApiClients.CountAsync()));
    }

    [Fact]
    public async Task An_administrator_may_step_in_for_an_organisation()
    {
        var administrator = await AsAsync("admin@cocreation.test");
        using var list = await administrator.GetAsync(Clients);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task An_unknown_scope_or_no_scope_is_a_problem_naming_scopes_and_creates_nothing()
    {
        var admin = await AsAsync("partner-admin@cocreation.test");
        var before = await factory.WithDbAsync(db => db.ApiClients.CountAsync());

        using var unknown = await admin.PostAsJsonAsync(Clients, new { name = "Greedy", scopes = new[] { "ideas.read", "everything.write" } });
        using var none = await admin.PostAsJsonAsync(Clients, new { name = "Modest", scopes = Array.Empty<string>() });

        var problem = await AssertProblemAsync(unknown, HttpStatusCode.BadRequest, "scopes");
        var message = problem.GetProperty("errors").GetProperty("scopes")[0].GetString();
        Assert.Contains("Unknown scopes: everything.write", message, StringComparison.Ordinal);
        Assert.Contains("Known: ideas.read", message, StringComparison.Ordinal);
        await AssertProblemAsync(none, HttpStatusCode.BadRequest, "scopes");
        Assert.Equal(before, await factory.WithDbAsync(db => db.ApiClients.CountAsync()));
    }

    [Fact]
    public async Task A_partner_systems_token_cannot_create_clients()
    {
        var (_, body) = await ClientCredentialsAsync("demo-partner", IdentityServiceFactory.DemoSecret);
        using var response = await factory.ClientWithToken(body.GetProperty("access_token").GetString()!)
            .PostAsJsonAsync(Clients, new { name = "Self-replicating", scopes = new[] { "ideas.read" } });
        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Members_are_listed_for_members_added_by_admins_and_the_last_admin_cannot_leave()
    {
        var admin = await AsAsync("partner-admin@cocreation.test");
        var member = await AsAsync("partner-member@cocreation.test");

        var members = await member.GetFromJsonAsync<JsonElement>(Members);
        Assert.Contains(members.EnumerateArray(), m => m.GetProperty("displayName").GetString() == "Paula Partner" && m.GetProperty("role").GetString() == "admin");

        using (var byMember = await member.PostAsJsonAsync(Members, new { email = "resident@cocreation.test", role = "member" }))
        {
            await AssertProblemAsync(byMember, HttpStatusCode.Forbidden);
        }
        using (var unknownPerson = await admin.PostAsJsonAsync(Members, new { email = "nobody@example.org", role = "member" }))
        {
            await AssertProblemAsync(unknownPerson, HttpStatusCode.BadRequest, "email");
        }
        using (var badRole = await admin.PostAsJsonAsync(Members, new { email = "resident@cocreation.test", role = "owner" }))
        {
            await AssertProblemAsync(badRole, HttpStatusCode.BadRequest, "role");
        }
        using (var again = await admin.PostAsJsonAsync(Members, new { email = "partner-member@cocreation.test", role = "member" }))
        {
            await AssertProblemAsync(again, HttpStatusCode.Conflict, "email");
        }

        var adminId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "partner-admin@cocreation.test").Select(u => u.Id).SingleAsync());
        using var leave = await admin.DeleteAsync($"{Members}/{adminId}");
        await AssertProblemAsync(leave, HttpStatusCode.Conflict, "personId");
    }

    [Fact]
    public async Task Joining_changing_role_and_leaving_each_tell_the_other_services()
    {
        var admin = await AsAsync("partner-admin@cocreation.test");
        var email = $"colleague-{Guid.NewGuid():N}@example.org";
        using (var registered = await factory.CreateClient().PostAsJsonAsync("/api/v1/accounts", new { email, password = "a long enough passphrase", displayName = "Colleague" }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }
        using var added = await admin.PostAsJsonAsync(Members, new { email, role = "member" });
        var personId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("personId").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"{Members}/{personId}", new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Members}/{personId}")).StatusCode);

        var changes = (await factory.OutboxEventsAsync<CoCreation.IntegrationEvents.MembershipChanged>()).Where(c => c.PersonId == personId).ToList();
        Assert.Equal(["member", "admin", null], changes.Select(c => c.Role));
        Assert.All(changes, c => Assert.Equal(IdentityServiceFactory.DemoOrganisation, c.OrganisationId));
        Assert.True(changes.Zip(changes.Skip(1)).All(pair => pair.First.OccurredAt <= pair.Second.OccurredAt));
    }
}
