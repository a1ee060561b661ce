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

    public async Task InitializeAsync()
    {
        _server.MapMethods("/slow", ["GET", "POST"], (HttpContext http) => Task.Delay(Timeout.InfiniteTimeSpan, http.RequestAborted));
        await _server.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_POST_that_times_out_is_sent_once()
    {
        using var attempts = new AttemptCounter();
        using var client = ClientWithServiceDefaults(attempts);

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.PostAsync("/slow", new StringContent("{}")));

        Assert.Equal(1, attempts.Count(HttpMethod.Post));
    }

    [Fact]
    public async Task A_GET_that_times_out_is_tried_again()
    {
        using var attempts = new AttemptCounter();
        using var client = ClientWithServiceDefaults(attempts);

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.GetAsync("/slow"));

        // The same client that sends a POST once does try a GET again (up to the standard handler's three retries
        // within its total timeout), so the POST test above fails if retries are not limited to safe methods.
        Assert.InRange(attempts.Count(HttpMethod.Get), 2, 4);
    }

    private static WebApplication SlowServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder.Build();
    }

    private HttpClient ClientWithServiceDefaults(AttemptCounter attempts)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddServiceDefaults();
        // Counted where each attempt leaves the client, inside the resilience handler, whatever the server saw of it.
        builder.Services.AddHttpClient("api", http => http.BaseAddress = new Uri(ServerAddress())).AddHttpMessageHandler(() => attempts);
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

    private sealed class AttemptCounter : DelegatingHandler
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<HttpMethod> _sent = new();

        public int Count(HttpMethod method) => _sent.Count(m => m == method);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _sent.Enqueue(request.Method);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
