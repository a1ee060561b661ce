using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.EndToEnd.Tests;

/// <summary>
/// A partner's system subscribes to new ideas and receives one, signed, when an idea is published: from the ideas
/// service over the real broker to the notifications service, and from there over HTTP to the partner's receiver.
/// The receiver checks the signature the way docs/partner-guide.md tells partners to.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class WebhookJourneyTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_partner_receiver_gets_a_signed_delivery_when_an_idea_is_published()
    {
        var received = new ConcurrentQueue<(Dictionary<string, string> Headers, string Body)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = builder.Build();
        receiver.MapPost("/hooks", async (HttpContext http) =>
        {
            // Copied: the server reuses its header collection once the request ends.
            var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            received.Enqueue((headers, await new StreamReader(http.Request.Body).ReadToEndAsync()));
            return Results.NoContent();
        });
        await receiver.StartAsync();
        var url = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/hooks";

        var token = await TokenAsync();
        using var subscribed = await SendAsync(HttpMethod.Post, "/api/v1/webhooks", token, new { url, events = new[] { "idea.published" } });
        var subscription = await subscribed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(subscribed.StatusCode == HttpStatusCode.Created, $"{(int)subscribed.StatusCode} {subscription}");
        var secret = subscription.GetProperty("secret").GetString()!;

        var title = "Heard by webhook " + Guid.NewGuid().ToString("N")[..8];
        using var created = await SendAsync(HttpMethod.Post, "/api/v1/ideas", token, new
        {
            kind = "offer", title, summary = "Sent to every subscriber.", themes = new[] { "well-being" }, environments = new[] { "school" }, language = "en",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !received.Any(r => r.Body.Contains(title, StringComparison.Ordinal)))
        {
            await Task.Delay(200);
        }
        var delivery = received.Single(r => r.Body.Contains(title, StringComparison.Ordinal));

        var id = delivery.Headers["CoCreation-Webhook-Id"];
        var timestamp = delivery.Headers["CoCreation-Webhook-Timestamp"];
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{delivery.Body}"));
        Assert.Equal("v1=" + Convert.ToHexStringLower(mac), delivery.Headers["CoCreation-Signature"]);
        Assert.Equal("idea.published", JsonDocument.Parse(delivery.Body).RootElement.GetProperty("type").GetString());
    }

    private async Task<string> TokenAsync()
    {
        using var response = await platform.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = PlatformFixture.DemoClientId, ["client_secret"] = platform.DemoClientSecret,
        }));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return platform.Gateway.SendAsync(request);
    }
}
