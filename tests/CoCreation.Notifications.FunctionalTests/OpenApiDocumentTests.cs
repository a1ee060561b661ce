using System.Net.Http.Json;
using System.Text.Json;

namespace CoCreation.Notifications.FunctionalTests;

/// <summary>The notifications service's document says what its webhook handlers answer, read from their typed results.</summary>
public sealed class OpenApiDocumentTests(NotificationsServiceFactory factory) : IClassFixture<NotificationsServiceFactory>
{
    [Theory]
    [InlineData("/api/v1/webhooks", "get", new[] { "200", "401", "403" })]
    [InlineData("/api/v1/webhooks", "post", new[] { "201", "400", "401", "403", "409" })]
    [InlineData("/api/v1/webhooks/{id}", "delete", new[] { "204", "401", "404" })]
    [InlineData("/api/v1/webhooks/{id}/ping", "post", new[] { "202", "401", "404" })]
    [InlineData("/api/v1/webhooks/{id}/deliveries", "get", new[] { "200", "401", "404" })]
    public async Task Each_operation_declares_every_status_its_handler_can_answer(string path, string method, string[] statuses)
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");

        Assert.Equal(statuses, responses.EnumerateObject().Select(r => r.Name).Order());
    }
}
