using System.Net.Http.Json;
using System.Text.Json;

namespace CoCreation.Projects.FunctionalTests;

/// <summary>The document says what the handlers answer, read from their typed results.</summary>
public sealed class OpenApiDocumentTests(ProjectsServiceFactory factory) : IClassFixture<ProjectsServiceFactory>
{
    [Theory]
    [InlineData("/api/v1/projects", "get", new[] { "200", "400" })]
    [InlineData("/api/v1/projects/{id}", "get", new[] { "200", "304", "404" })]
    [InlineData("/api/v1/projects", "post", new[] { "201", "400", "401", "403", "409", "422" })]
    [InlineData("/api/v1/projects/{id}/complete", "post", new[] { "200", "400", "401", "403", "404", "409", "412", "428" })]
    [InlineData("/api/v1/projects/{id}/canvas", "get", new[] { "200", "404" })]
    [InlineData("/api/v1/projects/{id}/canvas/{question}", "put", new[] { "200", "400", "401", "403", "404", "409", "412", "428" })]
    [InlineData("/api/v1/projects/{id}/canvas/{question}/versions", "get", new[] { "200", "400", "404" })]
    [InlineData("/api/v1/projects/{id}/gates", "get", new[] { "200", "404" })]
    [InlineData("/api/v1/projects/{id}/phase", "post", new[] { "200", "400", "401", "403", "404", "409", "412", "428" })]
    [InlineData("/api/v1/projects/{id}/agreement", "put", new[] { "200", "400", "401", "403", "404", "409", "412", "428" })]
    [InlineData("/api/v1/projects/{id}/agreement/acceptances", "post", new[] { "200", "400", "401", "403", "404", "409" })]
    [InlineData("/api/v1/projects/{id}/activities", "post", new[] { "201", "400", "401", "403", "404", "409" })]
    [InlineData("/api/v1/projects/{id}/evaluations", "post", new[] { "201", "400", "401", "403", "404", "409" })]
    [InlineData("/api/v1/projects/{id}/decisions", "post", new[] { "201", "400", "401", "403", "404", "409" })]
    [InlineData("/api/v1/projects/{id}/invitations", "post", new[] { "201", "400", "401", "403", "404", "409" })]
    [InlineData("/api/v1/projects/{id}/invitations/{invitationId}/accept", "post", new[] { "200", "401", "403", "404", "409" })]
    [InlineData("/api/v1/projects/{id}/light-participants", "post", new[] { "201", "400", "401", "403", "404", "409" })]
    [InlineData("/api/v1/projects/{id}/team/me", "put", new[] { "200", "400", "401", "403", "404", "409" })]
    [InlineData("/api/v1/projects/{id}/team/{memberId}", "delete", new[] { "204", "401", "403", "404", "409" })]
    [InlineData("/api/v1/participation/{token}/evaluations", "post", new[] { "201", "400", "404", "409", "429" })]
    [InlineData("/api/v1/feedback/{token}", "post", new[] { "201", "400", "404", "409", "429" })]
    [InlineData("/api/v1/references/verify", "post", new[] { "200", "400" })]
    public async Task Each_operation_declares_every_status_its_handler_can_answer(string path, string method, string[] statuses)
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        Assert.Equal(statuses, responses.EnumerateObject().Select(r => r.Name).Order());
    }
}
