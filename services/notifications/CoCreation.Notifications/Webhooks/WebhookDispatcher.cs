using System.Diagnostics;
using System.Text;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Notifications.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCreation.Notifications.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>How often due deliveries are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait before the first retry; each further retry waits twice as long.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before a delivery is given up (with the defaults, the last one is about 2 hours after the first).</summary>
    public int MaxAttempts { get; set; } = 9;

    /// <summary>How long a receiver has to answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Allow http:// and local addresses (Development and tests); otherwise only https to public hosts.</summary>
    public bool AllowInsecureUrls { get; set; }
}

/// <summary>
/// Sends due webhook deliveries: a signed POST of the event, a 2xx answer delivers it, anything else (or no answer)
/// is retried with doubling delays until the attempts run out. Deliveries are rows, so a restart loses none.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, WebhookHttpClient http, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Webhook delivery round failed; trying again in {Interval}", options.Value.PollInterval);
            }
            await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
        }
    }

    internal async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await (from delivery in db.WebhookDeliveries
                         join subscription in db.WebhookSubscriptions on delivery.SubscriptionId equals subscription.Id
                         where delivery.DeliveredAt == null && delivery.NextAttemptAt != null && delivery.NextAttemptAt <= now
                         orderby delivery.NextAttemptAt
                         select new { delivery, subscription }).Take(50).ToListAsync(cancellationToken);
        foreach (var item in due)
        {
            await AttemptAsync(item.delivery, item.subscription, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task AttemptAsync(WebhookDelivery delivery, WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.IdHeader, delivery.Id.ToString());
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(subscription.Secret, delivery.Id, timestamp, delivery.Payload));
        using var activity = new Activity("webhook.deliver").Start();
        activity.SetTag("webhook.event", delivery.EventType);
        activity.SetTag("webhook.subscription", subscription.Id);
        var now = () => clock.GetUtcNow().UtcDateTime;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await http.Client.SendAsync(request, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                delivery.Delivered((int)response.StatusCode, now());
                return;
            }
            Fail(delivery, (int)response.StatusCode, $"The receiver answered {(int)response.StatusCode}.", now());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Fail(delivery, null, ex is TaskCanceledException ? $"No answer within {options.Value.Timeout.TotalSeconds:0} s." : ex.Message, now());
        }
    }

    private void Fail(WebhookDelivery delivery, int? statusCode, string error, DateTime now)
    {
        var attemptsMade = delivery.Attempts + 1;
        TimeSpan? retry = attemptsMade >= options.Value.MaxAttempts ? null : options.Value.FirstRetryDelay * Math.Pow(2, attemptsMade - 1);
        delivery.Failed(statusCode, error, now, retry);
        if (retry is null)
        {
            logger.LogWarning("Webhook delivery {DeliveryId} ({Event}) given up after {Attempts} attempts: {Error}",
                delivery.Id, delivery.EventType, attemptsMade, error);
        }
    }
}

/// <summary>
/// The client that calls receivers, made here rather than by the HTTP client factory: receivers are other
/// organisations' servers, so no redirect is followed (it could aim a signed delivery elsewhere), an address on a
/// private network is refused when connecting (a public name may resolve to one), and the timeout and retries are
/// the dispatcher's alone (the factory's default resilience handler would retry inside one attempt, out of sight of
/// the delivery log).
/// </summary>
public sealed class WebhookHttpClient : IDisposable
{
    public WebhookHttpClient(IOptions<WebhookOptions> options)
    {
        var allowPrivate = options.Value.AllowInsecureUrls;
        Client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var addresses = await System.Net.Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
                if (!allowPrivate && addresses.Any(ReceiverAddress.IsPrivate))
                {
                    throw new HttpRequestException("The receiver's name resolves to a private network address; deliveries go to public hosts only.");
                }
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}

/// <summary>Addresses a webhook must never reach outside Development: loopback, private, link-local.</summary>
public static class ReceiverAddress
{
    public static bool IsPrivate(System.Net.IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        // [::] (unspecified) reaches loopback on Linux, like 0.0.0.0; multicast is never a receiver.
        if (System.Net.IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal
            || address.IsIPv6Multicast || address.Equals(System.Net.IPAddress.IPv6Any) || address.Equals(System.Net.IPAddress.IPv6None))
        {
            return true;
        }
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return false;
        }
        var bytes = address.GetAddressBytes();
        return bytes[0] is 10 or 127 or 0 || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31) || (bytes[0] == 192 && bytes[1] == 168)
            || (bytes[0] == 169 && bytes[1] == 254) || (bytes[0] == 100 && bytes[1] is >= 64 and <= 127) || bytes[0] >= 224;
    }
}
