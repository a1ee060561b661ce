using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.Testing;
using Microsoft.EntityFrameworkCore;
using static CoCreation.Testing.AuthorisationMatrix;
using static CoCreation.Testing.Caller;

namespace CoCreation.Identity.FunctionalTests;

/// <summary>
/// The identity service with a real token for each kind of caller, got the way each gets one: the demo people sign
/// in (authorisation code with PKCE), the demo partner system uses client credentials. The demo partner company is
/// the owner organisation of every case; the "other organisation" is one the resident registers here.
/// </summary>
public sealed class IdentityMatrixFixture : IAsyncLifetime
{
    public IdentityServiceFactory Factory { get; } = new();

    public Dictionary<Caller, string?> Tokens { get; } = [];

    public string MemberId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var resident = Factory.ClientWithToken(await Factory.AccessTokenAsync("resident@cocreation.test"));
        using (var created = await resident.PostAsJsonAsync("/api/v1/me/organisations", new { name = "Other Oy" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        Tokens[Anonymous] = null;
        Tokens[Member] = await Factory.AccessTokenAsync("partner-member@cocreation.test");
        Tokens[OtherOrganisationMember] = await Factory.AccessTokenAsync("resident@cocreation.test");
        Tokens[OrganisationAdmin] = await Factory.AccessTokenAsync("partner-admin@cocreation.test");
        Tokens[Moderator] = await Factory.AccessTokenAsync("moderator@cocreation.test");
        Tokens[Administrator] = await Factory.AccessTokenAsync("admin@cocreation.test");
        Tokens[CityUnitMember] = await Factory.AccessTokenAsync("school@cocreation.test");
        using var client = await Factory.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "demo-partner", ["client_secret"] = IdentityServiceFactory.DemoSecret,
        }));
        Tokens[PartnerSystem] = (await client.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        MemberId = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == "partner-member@cocreation.test").Select(u => u.Id).SingleAsync());
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>The authorisation matrix of the identity service's API: every endpoint against every kind of caller.</summary>
public sealed class AuthorisationMatrixTests(IdentityMatrixFixture fixture) : IClassFixture<IdentityMatrixFixture>
{
    private static readonly string Organisation = $"/api/v1/organisations/{IdentityServiceFactory.DemoOrganisation}";

    private sealed class Setup(IdentityMatrixFixture fixture)
    {
        public string MemberId => fixture.MemberId;

        public HttpClient As(Caller caller) => fixture.Factory.CreateClient().WithToken(fixture.Tokens[caller]);

        /// <summary>A newly registered person's address.</summary>
        public async Task<string> NewPersonAsync()
        {
            var email = $"someone-{Guid.NewGuid():N}@example.org";
            using var response = await fixture.Factory.CreateClient().PostAsJsonAsync("/api/v1/accounts", new { email, password = "a long enough passphrase", displayName = "Someone" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return email;
        }

        /// <summary>A new member of the owner organisation, added by its admin: their person id.</summary>
        public async Task<string> NewMemberAsync()
        {
            using var response = await As(OrganisationAdmin).PostAsJsonAsync($"{Organisation}/members", new { email = await NewPersonAsync(), role = "member" });
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("personId").GetString()!;
        }

        public async Task<string> NewClientAsync()
        {
            using var response = await As(OrganisationAdmin).PostAsJsonAsync($"{Organisation}/clients", Client);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientId").GetString()!;
        }

        public async Task<string> ExportOfMemberAsync()
        {
            using var response = await As(Member).PostAsync("/api/v1/me/personal-data-exports", null);
            return response.Headers.Location!.ToString();
        }
    }

    private static readonly object Client = new { name = "A system", scopes = new[] { "ideas.read" } };

    private static MatrixCase<Setup> Row(string endpoint, Func<Setup, Task<HttpRequestMessage>> request,
        int anonymous, int member, int otherMember, int organisationAdmin, int moderator, int administrator, int partnerSystem, int cityUnitMember) =>
        AuthorisationMatrix.Row(endpoint, request, anonymous, member, otherMember, organisationAdmin, moderator, administrator, partnerSystem, cityUnitMember);

    //                                                                                                                anon mem  other oadm mod  adm  sys  city
    private static readonly MatrixCase<Setup>[] Cases =
    [
        Row("POST /accounts", _ => Task.FromResult(Send(HttpMethod.Post, "/api/v1/accounts",
            new { email = $"new-{Guid.NewGuid():N}@example.org", password = "a long enough passphrase", displayName = "New" })), 201, 201, 201, 201, 201, 201, 201, 201),
        Row("POST /accounts/password-reset", _ => Task.FromResult(Send(HttpMethod.Post, "/api/v1/accounts/password-reset", new { email = "resident@cocreation.test" })),
                                                                                                                          202, 202, 202, 202, 202, 202, 202, 202),
        Row("GET /me", _ => Task.FromResult(Send(HttpMethod.Get, "/api/v1/me")),                        401, 200, 200, 200, 200, 200, 403, 200),
        Row("POST /me/organisations", _ => Task.FromResult(Send(HttpMethod.Post, "/api/v1/me/organisations", new { name = "Yet another Oy" })),
                                                                                                                          401, 201, 201, 201, 201, 201, 403, 201),
        Row("PUT /accounts/{id}/roles", s => Task.FromResult(Send(HttpMethod.Put, $"/api/v1/accounts/{s.MemberId}/roles", new { roles = Array.Empty<string>() })),
                                                                                                                          401, 403, 403, 403, 403, 200, 403, 403),
        Row("POST /me/personal-data-exports", _ => Task.FromResult(Send(HttpMethod.Post, "/api/v1/me/personal-data-exports")),
                                                                                                                          401, 202, 202, 202, 202, 202, 403, 202),
        // Only its person reads an export; to anyone else it does not exist.
        Row("GET /me/personal-data-exports/{id}", async s => Send(HttpMethod.Get, await s.ExportOfMemberAsync()),  401, 200, 404, 404, 404, 404, 403, 404),
        Row("PUT /organisations/{id}/city-unit", _ => Task.FromResult(Send(HttpMethod.Put, $"{Organisation}/city-unit", new { isCityUnit = false })),
                                                                                                                          401, 403, 403, 403, 403, 200, 403, 403),
        Row("GET /organisations/{id}/members", _ => Task.FromResult(Send(HttpMethod.Get, $"{Organisation}/members")),     401, 200, 403, 200, 403, 200, 403, 403),
        Row("POST /organisations/{id}/members", async s => Send(HttpMethod.Post, $"{Organisation}/members", new { email = await s.NewPersonAsync(), role = "member" }),
                                                                                                                          401, 403, 403, 201, 403, 201, 403, 403),
        Row("PUT /organisations/{id}/members/{person}", s => Task.FromResult(Send(HttpMethod.Put, $"{Organisation}/members/{s.MemberId}", new { role = "member" })),
                                                                                                                          401, 403, 403, 200, 403, 200, 403, 403),
        Row("DELETE /organisations/{id}/members/{person}", async s => Send(HttpMethod.Delete, $"{Organisation}/members/{await s.NewMemberAsync()}"),
                                                                                                                          401, 403, 403, 204, 403, 204, 403, 403),
        Row("GET /organisations/{id}/clients", _ => Task.FromResult(Send(HttpMethod.Get, $"{Organisation}/clients")),     401, 403, 403, 200, 403, 200, 403, 403),
        Row("POST /organisations/{id}/clients", _ => Task.FromResult(Send(HttpMethod.Post, $"{Organisation}/clients", Client)), 401, 403, 403, 201, 403, 201, 403, 403),
        Row("POST /organisations/{id}/clients/{c}/secret", async s => Send(HttpMethod.Post, $"{Organisation}/clients/{await s.NewClientAsync()}/secret"),
                                                                                                                          401, 403, 403, 200, 403, 200, 403, 403),
        Row("DELETE /organisations/{id}/clients/{c}", async s => Send(HttpMethod.Delete, $"{Organisation}/clients/{await s.NewClientAsync()}"),
                                                                                                                          401, 403, 403, 204, 403, 204, 403, 403),
    ];

    public static TheoryData<string, Caller> EveryEndpointAndCaller() => AuthorisationMatrix.EveryEndpointAndCaller(Cases);

    [Theory]
    [MemberData(nameof(EveryEndpointAndCaller))]
    public async Task Each_caller_gets_the_status_the_rules_give(string endpoint, Caller caller)
    {
        var setup = new Setup(fixture);
        await AuthorisationMatrix.AssertStatusAsync(Cases, endpoint, caller, setup, setup.As);
    }
}
