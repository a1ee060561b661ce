using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.Testing;

namespace CoCreation.Identity.FunctionalTests;

public sealed class TokenEndpointTests(IdentityServiceFactory factory) : IClassFixture<IdentityServiceFactory>
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> RequestTokenAsync(string secret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "demo-partner", ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }
        using var response = await factory.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task A_partner_system_gets_a_signed_token_for_its_organisation_with_the_scopes_it_asked_for()
    {
        var (status, body) = await RequestTokenAsync(IdentityServiceFactory.DemoSecret, "ideas.read ideas.write");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        var token = new JwtSecurityTokenHandler().ReadJwtToken(body.GetProperty("access_token").GetString());
        Assert.Equal("http://identity.test/", token.Issuer);
        Assert.Equal(["cocreation-api"], token.Audiences);
        Assert.Equal("client:demo-partner", token.Subject);
        Assert.Equal("de305d54-75b4-431b-adb2-eb6b9e546014", token.Claims.Single(c => c.Type == "organisation_id").Value);
        Assert.Equal("ideas.read ideas.write", token.Claims.Single(c => c.Type == "scope").Value);
        // Short-lived (15 minutes by default): a changed role reaches the services at the next token.
        Assert.InRange(token.ValidTo, DateTime.UtcNow.AddMinutes(10), DateTime.UtcNow.AddMinutes(16));
    }

    [Fact]
    public async Task A_wrong_secret_is_invalid_client_and_an_unknown_scope_invalid_scope_in_the_OAuth2_error_format()
    {
        var (status, body) = await RequestTokenAsync("not-the-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, status); // RFC 6749 5.2: a failed client authentication is a 401
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());

        (status, body) = await RequestTokenAsync(IdentityServiceFactory.DemoSecret, "ideas.delete-everything");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_scope", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_grant_other_than_client_credentials_is_refused()
    {
        using var response = await factory.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = "someone", ["password"] = "guess", ["client_id"] = "demo-partner",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_discovery_document_names_the_issuer_and_the_keys()
    {
        var discovery = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Equal("http://identity.test/", discovery.GetProperty("issuer").GetString());
        Assert.EndsWith("/.well-known/jwks", discovery.GetProperty("jwks_uri").GetString(), StringComparison.Ordinal);
    }
}
