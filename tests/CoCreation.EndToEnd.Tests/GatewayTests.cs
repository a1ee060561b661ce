using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CoCreation.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class GatewayTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_service_that_is_down_is_a_503_problem_naming_it_and_the_gateway_recovers_when_it_returns()
    {
        await platform.StopResourceAsync("projects");
        try
        {
            using var response = await platform.Gateway.GetAsync("/api/v1/projects");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("projects", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await platform.StartResourceAsync("projects");
        }

        using var afterRestart = await platform.Gateway.GetAsync("/api/v1/projects");
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, afterRestart.StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem_from_the_gateway()
    {
        using var response = await platform.Gateway.GetAsync("/api/v2/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_correlation_id_is_returned_once_and_a_callers_own_id_is_kept()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/ideas/{Guid.NewGuid()}");
        request.Headers.Add("X-Correlation-Id", "partner-crm-42");

        using var response = await platform.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["partner-crm-42"], response.Headers.GetValues("X-Correlation-Id"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("partner-crm-42", problem.GetProperty("correlationId").GetString());
    }
}
