using System.Net.Http.Json;
using System.Text.Json;

namespace CoCreation.Ideas.FunctionalTests;

/// <summary>
/// The service's OpenAPI document says what the handlers really answer, because it is read from their typed results:
/// a client generated from it knows about the 304 and every refusal (401 comes with the write scope a write needs).
/// </summary>
public sealed class OpenApiDocumentTests(IdeasServiceFactory factory) : IClassFixture<IdeasServiceFactory>
{
    [Theory]
    [InlineData("/api/v1/ideas/{id}", "get", new[] { "200", "304", "404" })]
    [InlineData("/api/v1/ideas/{id}/publish", "post", new[] { "200", "401", "403", "404", "409", "412", "428" })]
    [InlineData("/api/v1/ideas/{id}/withdraw", "post", new[] { "200", "401", "403", "404", "409", "412", "428" })]
    [InlineData("/api/v1/ideas/{id}", "put", new[] { "200", "400", "401", "403", "404", "409", "412", "428" })]
    [InlineData("/api/v1/ideas/{id}/versions", "get", new[] { "200", "404" })]
    [InlineData("/api/v1/ideas", "get", new[] { "200", "400" })]
    [InlineData("/api/v1/ideas/{id}/comments", "get", new[] { "200", "400", "404" })]
    [InlineData("/api/v1/ideas/{id}/support", "put", new[] { "204", "401", "404", "409" })]
    [InlineData("/api/v1/ideas/{id}/follow", "delete", new[] { "204", "401", "404" })]
    [InlineData("/api/v1/ideas/{id}/reports", "post", new[] { "202", "400", "401", "404", "409" })]
    [InlineData("/api/v1/challenges", "get", new[] { "200", "400" })]
    [InlineData("/api/v1/challenges/{id}", "get", new[] { "200", "404" })]
    [InlineData("/api/v1/taxonomy", "get", new[] { "200" })]
    [InlineData("/api/v1/themes", "get", new[] { "200" })]
    [InlineData("/api/v1/ideas", "post", new[] { "201", "400", "401", "403", "409", "422" })]
    [InlineData("/api/v1/ideas/{id}/comments", "post", new[] { "201", "400", "401", "404", "409", "422" })]
    [InlineData("/api/v1/challenges", "post", new[] { "201", "400", "401", "403", "422" })]
    [InlineData("/api/v1/taxonomy/{facet}/{code}", "put", new[] { "200", "400", "401", "403" })]
    [InlineData("/api/v1/ideas/{id}/hide", "post", new[] { "204", "400", "401", "403", "404", "409" })]
    [InlineData("/api/v1/ideas/{id}/comments/{commentId}/unhide", "post", new[] { "204", "400", "401", "403", "404", "409" })]
    [InlineData("/api/v1/moderation/reports", "get", new[] { "200", "400", "401", "403" })]
    [InlineData("/api/v1/moderation/reports/{reportId}/dismiss", "post", new[] { "204", "400", "401", "403", "404" })]
    [InlineData("/api/v1/moderation/actions", "get", new[] { "200", "400", "401", "403" })]
    [InlineData("/api/v1/open-data/ideas.{format}", "get", new[] { "200", "400" })]
    public async Task Each_operation_declares_every_status_its_handler_can_answer(string path, string method, string[] statuses)
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");

        Assert.Equal(statuses, responses.EnumerateObject().Select(r => r.Name).Order());
    }

    [Fact]
    public async Task The_search_declares_each_filter_as_a_query_parameter_with_repeatable_ones_as_arrays()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var parameters = document.GetProperty("paths").GetProperty("/api/v1/ideas").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p);

        Assert.Equal(["ageGroup", "challenge", "cursor", "environment", "kind", "language", "limit", "organisation", "q", "sort", "status", "theme"], parameters.Keys.Order());
        Assert.All(parameters.Values, p => Assert.Equal("query", p.GetProperty("in").GetString()));
        Assert.Equal("array", parameters["theme"].GetProperty("schema").GetProperty("type").ToString());
    }
}
