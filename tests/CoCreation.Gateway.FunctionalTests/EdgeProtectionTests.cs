using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoCreation.Gateway.FunctionalTests;

/// <summary>The gateway with a small rate limit and one allowed web origin; no service runs behind it.</summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    public const string WebOrigin = "https://cocreation.example";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Gateway:RateLimit:PermitLimit", "3");
        builder.UseSetting("Gateway:RateLimit:Window", "00:00:02");
        builder.UseSetting("Gateway:WebOrigins:0", WebOrigin);
        // Services that are not there: the edge answers before any request would reach them.
        foreach (var service in new[] { "identity", "ideas", "partner-matching", "projects", "notifications", "web" })
        {
            builder.UseSetting($"services:{service}:http:0", "http://127.0.0.1:9");
        }
    }
}

/// <summary>The gateway validating tokens against an identity service that cannot be reached, with a limit of 3 a minute.</summary>
public sealed class GatewayWithTokensFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Gateway:RateLimit:PermitLimit", "3");
        builder.UseSetting("Gateway:RateLimit:Window", "00:01:00");
        builder.UseSetting("Identity:Authority", "http://127.0.0.1:9");
        foreach (var service in new[] { "identity", "ideas", "partner-matching", "projects", "notifications", "web" })
        {
            builder.UseSetting($"services:{service}:http:0", "http://127.0.0.1:9");
        }
    }
}

public sealed class EdgeRateLimitTests(GatewayWithTokensFactory factory) : IClassFixture<GatewayWithTokensFactory>
{
    [Fact]
    public async Task Requests_with_bad_tokens_count_against_the_addresss_limit_before_any_token_is_read()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "garbage");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/api/v1/ideas");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}

/// <summary>Requests no service could be sent: the caller's to fix, so a 4xx problem from the edge.</summary>
public sealed class EdgeRequestCheckTests(GatewayWithoutServicesFactory factory) : IClassFixture<GatewayWithoutServicesFactory>
{
    [Theory]
    [InlineData("Idempotency-Key", "ключ")]
    [InlineData("Accept-Language", "fi-FI;q=0.9, svenska-å")]
    [InlineData("If-None-Match", "\"ä\"")]
    public async Task A_header_value_that_is_not_ASCII_is_a_400_problem_naming_the_header(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ideas");
        request.Headers.TryAddWithoutValidation(header, System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes(value)));

        using var response = await factory.CreateClient().SendAsync(request);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(header, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PROPFIND")]
    [InlineData("TRACE")]
    public async Task A_method_the_platform_does_not_answer_is_a_405_problem_with_Allow(string method)
    {
        using var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/v1/ideas"));

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }
}

public sealed class EdgeProtectionTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{

    [Fact]
    public async Task A_client_over_its_limit_gets_a_429_problem_with_Retry_After_and_recovers_after_the_window()
    {
        var client = factory.CreateClient();
        // Wait for a fresh window, so the three permits are all this test's.
        await Task.Delay(TimeSpan.FromSeconds(2.1));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/no-such-thing")).StatusCode);
        }

        using var limited = await client.GetAsync("/api/v1/no-such-thing");

        var problem = await AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 2);
        Assert.Contains("Retry after", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Probes are never limited, or an orchestrator would take a busy gateway for a dead one.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(retryAfter + 0.2));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/no-such-thing")).StatusCode);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        using var response = await factory.CreateClient().GetAsync("/alive");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GatewayFactory.WebOrigin, true)]
    [InlineData("https://evil.example", false)]
    public async Task Only_the_web_front_ends_origin_may_call_from_a_browser(string origin, bool allowed)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/ideas");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await factory.CreateClient().SendAsync(preflight);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
    }
}
