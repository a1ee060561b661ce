using System.Net.Http.Json;
using System.Text.Json;

namespace CoCreation.Identity.FunctionalTests;

/// <summary>The identity service's document says what its account and organisation handlers answer, read from their typed results.</summary>
public sealed class OpenApiDocumentTests(IdentityServiceFactory factory) : IClassFixture<IdentityServiceFactory>
{
    [Theory]
    [InlineData("/api/v1/accounts", "post", new[] { "201", "400", "409" })]
    [InlineData("/api/v1/accounts", "get", new[] { "200", "400", "401", "403", "404" })]
    [InlineData("/api/v1/accounts/email-confirmation", "post", new[] { "204", "400" })]
    [InlineData("/api/v1/accounts/password-reset", "post", new[] { "202", "400" })]
    [InlineData("/api/v1/accounts/{personId}/roles", "put", new[] { "200", "400", "401", "403", "404" })]
    [InlineData("/api/v1/me", "get", new[] { "200", "401", "403" })]
    [InlineData("/api/v1/me/organisations", "post", new[] { "201", "400", "401", "403" })]
    [InlineData("/api/v1/me/personal-data-exports", "post", new[] { "202", "401", "403" })]
    [InlineData("/api/v1/me/personal-data-exports/{exportId}", "get", new[] { "200", "401", "403", "404" })]
    [InlineData("/api/v1/me/erasure", "post", new[] { "204", "400", "401", "403", "409" })]
    [InlineData("/api/v1/organisations/{organisationId}/city-unit", "put", new[] { "200", "400", "401", "403", "404" })]
    [InlineData("/api/v1/organisations/{organisationId}/members", "get", new[] { "200", "401", "403", "404" })]
    [InlineData("/api/v1/organisations/{organisationId}/members", "post", new[] { "201", "400", "401", "403", "404", "409" })]
    [InlineData("/api/v1/organisations/{organisationId}/members/{personId}", "put", new[] { "200", "400", "401", "403", "404", "409" })]
    [InlineData("/api/v1/organisations/{organisationId}/members/{personId}", "delete", new[] { "204", "401", "403", "404", "409" })]
    [InlineData("/api/v1/organisations/{organisationId}/clients", "post", new[] { "201", "400", "401", "403", "404" })]
    [InlineData("/api/v1/organisations/{organisationId}/clients/{clientId}/secret", "post", new[] { "200", "401", "403", "404" })]
    [InlineData("/api/v1/organisations/{organisationId}/clients/{clientId}", "delete", new[] { "204", "401", "403", "404" })]
    public async Task Each_operation_declares_every_status_its_handler_can_answer(string path, string method, string[] statuses)
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");

        Assert.Equal(statuses, responses.EnumerateObject().Select(r => r.Name).Order());
    }
}
