using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Polly.Timeout;

namespace CoCreation.Web.Tests;

/// <summary>
/// Every HTTP client the service defaults configure (the web's client of the platform's API among them) tries a GET
/// again, but never a POST on its own: a POST that timed out may already have closed, accepted or published something.
/// </summary>
public sealed class HttpRetryTests : IAsyncLifetime
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(300);
    private readonly WebApplication _server = SlowServer();
    private int _posts;
    private int _gets;

    public async Task InitializeAsync()
    {
        _server.MapPost("/slow", async (HttpContext http) =>
        {
            Interlocked.Increment(ref _posts);
            await Task.Delay(Timeout.InfiniteTimeSpan, http.RequestAborted);
        });
        _server.MapGet("/slow", async (HttpContext http) =>
        {
            Interlocked.Increment(ref _gets);
            await Task.Delay(Timeout.InfiniteTimeSpan, http.RequestAborted);
        });
        await _server.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_POST_that_times_out_is_sent_once()
    {
        using var client = ClientWithServiceDefaults();

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.PostAsync("/slow", new StringContent("{}")));

        Assert.Equal(1, _posts);
    }

    [Fact]
    public async Task A_GET_that_times_out_is_tried_again()
    {
        using var client = ClientWithServiceDefaults();

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.GetAsync("/slow"));

        // The standard handler's three retries: the same client that sends a POST once does retry what is safe.
        Assert.Equal(4, _gets);
    }

    private static WebApplication SlowServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder.Build();
    }

    private HttpClient ClientWithServiceDefaults()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddServiceDefaults();
        builder.Services.AddHttpClient("api", http => http.BaseAddress = new Uri(ServerAddress()));
        // Short attempts, so the test takes about a second; the retry policy itself is the service defaults' own.
        builder.Services.ConfigureAll<HttpStandardResilienceOptions>(options =>
        {
            options.AttemptTimeout.Timeout = AttemptTimeout;
            options.Retry.Delay = TimeSpan.FromMilliseconds(10);
            options.Retry.UseJitter = false;
        });
        var services = builder.Build().Services;
        return services.GetRequiredService<IHttpClientFactory>().CreateClient("api");
    }

    private string ServerAddress() =>
        _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
}
