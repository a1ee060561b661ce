using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using CoCreation.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace CoCreation.Ideas.FunctionalTests;

/// <summary>The ideas service as in production: tokens required, validated against the test issuer (<see cref="TestTokens"/>).</summary>
public sealed class IdeasWithTokensFactory() : TokensOnlyServiceFactory<Program>("ideasdb")
{
    /// <summary>A partner system's token for <paramref name="organisation"/>, good unless a parameter spoils it.</summary>
    public static string Token(
        Guid organisation, string scope = "ideas.read ideas.write", string audience = "cocreation-api", TimeSpan? lifetime = null,
        SecurityKey? key = null, string issuer = TestTokens.Issuer) =>
        TestTokens.Mint(
            [new Claim("sub", "client:test-partner"), new Claim("organisation_id", organisation.ToString()), new Claim("scope", scope)],
            audience, lifetime, key, issuer);
}

public sealed class TokenValidationTests(IdeasWithTokensFactory factory) : IClassFixture<IdeasWithTokensFactory>
{
    private static readonly Guid Partner = Guid.Parse("9a7e11e1-0000-4000-8000-000000000009");

    private async Task<HttpResponseMessage> CreateIdeaAsync(string? token, bool withDevelopmentHeaders = false)
    {
        var client = withDevelopmentHeaders ? factory.ClientAs("teacher-anna", IdeasTestKit.School) : factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ideas") { Content = JsonContent.Create(IdeasTestKit.ValidIdea()) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_valid_token_acts_for_its_organisation()
    {
        using var response = await CreateIdeaAsync(IdeasWithTokensFactory.Token(Partner));

        Assert.True(response.StatusCode == HttpStatusCode.Created, TestTokens.LastValidationFailure);
        var idea = await ReadJsonAsync(response, HttpStatusCode.Created);
        Assert.Equal(Partner, idea.GetProperty("ownerOrganisationId").GetGuid());
    }

    public static TheoryData<string, string> RejectedTokens => new()
    {
        { "expired", IdeasWithTokensFactory.Token(Partner, lifetime: TimeSpan.FromMinutes(-10)) },
        { "another audience", IdeasWithTokensFactory.Token(Partner, audience: "someone-else") },
        { "another issuer", IdeasWithTokensFactory.Token(Partner, issuer: "http://impostor.test/") },
        { "signed by another key", IdeasWithTokensFactory.Token(Partner, key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" }) },
        { "not a token", "not.a.token" },
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task A_bad_token_is_a_401_problem_and_nothing_is_stored(string why, string token)
    {
        var before = await CountIdeasAsync();

        using var response = await CreateIdeaAsync(token);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.True(before == await CountIdeasAsync(), $"a {why} token stored something");
    }

    [Fact]
    public async Task Outside_development_the_identity_headers_count_for_nothing()
    {
        using var response = await CreateIdeaAsync(token: null, withDevelopmentHeaders: true);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Public content is still readable by anyone.
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/v1/ideas")).StatusCode);
    }

    private async Task<int> CountIdeasAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<CoCreation.Ideas.Infrastructure.IdeasDbContext>().Ideas.Count();
    }
}
