using System.Net.Http.Json;
using System.Text.Json;

namespace CoCreation.PartnerMatching.FunctionalTests;

/// <summary>The document says what the handlers answer, read from their typed results.</summary>
public sealed class OpenApiDocumentTests(PartnerMatchingServiceFactory factory) : IClassFixture<PartnerMatchingServiceFactory>
{
    [Theory]
    [InlineData("/api/v1/ideas/{id}/matches", "get", new[] { "200", "400", "404" })]
    [InlineData("/api/v1/ideas/{id}/interests", "get", new[] { "200", "401", "404" })]
    [InlineData("/api/v1/ideas/{id}/interests/{interestId}/accept", "post", new[] { "200", "400", "401", "403", "404", "409" })]
    [InlineData("/api/v1/organisations/{id}", "get", new[] { "200", "304", "404" })]
    [InlineData("/api/v1/environments/{id}", "get", new[] { "200", "304", "404" })]
    [InlineData("/api/v1/ideas/{id}/interests", "post", new[] { "201", "400", "401", "403", "404", "409", "422" })]
    [InlineData("/api/v1/organisations", "get", new[] { "200", "400" })]
    [InlineData("/api/v1/organisations", "post", new[] { "201", "400", "401", "403", "409", "422" })]
    [InlineData("/api/v1/organisations/{id}", "put", new[] { "200", "400", "401", "403", "404", "412", "428" })]
    [InlineData("/api/v1/organisations/{id}/recommended-ideas", "get", new[] { "200", "400", "404" })]
    [InlineData("/api/v1/environments", "get", new[] { "200", "400" })]
    [InlineData("/api/v1/environments", "post", new[] { "201", "400", "401", "403", "422" })]
    [InlineData("/api/v1/environments/{id}", "put", new[] { "200", "400", "401", "403", "404", "412", "428" })]
    public async Task Each_operation_declares_every_status_its_handler_can_answer(string path, string method, string[] statuses)
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        Assert.Equal(statuses, responses.EnumerateObject().Select(r => r.Name).Order());
    }
}
