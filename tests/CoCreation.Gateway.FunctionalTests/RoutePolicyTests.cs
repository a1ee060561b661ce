using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoCreation.Gateway.FunctionalTests;

/// <summary>The gateway as in production (no development headers) with no service behind it.</summary>
public sealed class ProductionGatewayFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var service in PublicApiDocument.Services.Append("web"))
        {
            builder.UseSetting($"services:{service}:http:0", "http://127.0.0.1:9");
        }
    }
}

/// <summary>
/// Routes that serve only someone turn anonymous callers away at the edge, and public routes anonymous writes; a
/// request that passes goes on to its service (here none answers, so it is a 503, which proves it passed).
/// </summary>
public sealed class RoutePolicyTests(GatewayWithoutServicesFactory development, ProductionGatewayFactory production)
    : IClassFixture<GatewayWithoutServicesFactory>, IClassFixture<ProductionGatewayFactory>
{
    [Theory]
    [InlineData("GET", "/api/v1/moderation/reports")]
    [InlineData("GET", "/api/v1/notifications")]
    [InlineData("GET", "/api/v1/me")]
    [InlineData("GET", "/api/v1/organisations/de305d54-75b4-431b-adb2-eb6b9e546014/clients")]
    [InlineData("POST", "/api/v1/ideas")]
    [InlineData("PUT", "/api/v1/taxonomy/theme/parks")]
    [InlineData("POST", "/api/v1/organisations")]
    [InlineData("POST", "/api/v1/ideas/5c0a7e10-0000-4000-8000-000000000001/interests")]
    public async Task An_anonymous_caller_is_stopped_at_the_edge_with_a_401_problem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(new { }) };

        using var response = await production.CreateClient().SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("/api/v1/ideas")]
    [InlineData("/api/v1/organisations")]
    [InlineData("/api/v1/open-data/ideas.csv")]
    [InlineData("/api/v1/taxonomy")]
    public async Task Anonymous_reads_of_public_content_pass_the_edge(string path)
    {
        using var response = await production.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/v1/accounts")]
    [InlineData("POST", "/api/v1/accounts/password-reset")]
    public async Task Registration_and_password_reset_are_open_to_anyone(string method, string path)
    {
        using var response = await production.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task The_development_headers_pass_the_edge_in_Development_only()
    {
        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notifications");
            request.Headers.Add("X-Dev-Person-Id", "teacher-anna");
            return request;
        }

        using var inDevelopment = await development.CreateClient().SendAsync(Request());
        using var inProduction = await production.CreateClient().SendAsync(Request());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, inDevelopment.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, inProduction.StatusCode);
    }
}
