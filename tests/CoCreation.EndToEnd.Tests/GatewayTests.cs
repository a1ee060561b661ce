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

    [Theory]
    [InlineData("/language?code=sv&returnUrl=/%09/evil.example")]
    [InlineData("/language?code=sv&returnUrl=/%0D%0A/evil.example")]
    [InlineData("/language?code=sv&returnUrl=%2F%2Fevil.example")]
    public async Task A_return_address_out_of_the_site_lands_on_the_home_page(string path)
    {
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = platform.GatewayUrl };

        using var response = await noRedirects.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/", "same-origin")]
    [InlineData("/api/v1/themes", "no-referrer")]
    public async Task Each_security_header_is_sent_once_the_services_own_where_it_has_one(string path, string referrerPolicy)
    {
        using var response = await platform.Gateway.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var header in new[] { "X-Content-Type-Options", "Referrer-Policy" })
        {
            Assert.Single(response.Headers.GetValues(header).SelectMany(v => v.Split(',')));
        }
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(referrerPolicy, response.Headers.GetValues("Referrer-Policy").Single());
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
