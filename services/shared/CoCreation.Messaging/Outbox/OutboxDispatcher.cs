using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoCreation.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows to the broker, oldest first, and retries with growing delays until the
/// broker takes each one. The row's id is the MessageId, so a publish repeated after a crash is recognised
/// by the consumers' inbox.
/// </summary>
internal sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopeFactory,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext, IMessagingContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var dispatchedFullBatch = false;
            try
            {
                dispatchedFullBatch = await DispatchDueMessagesAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database itself failed; try again on the next round rather than stop publishing for good.
                logger.LogError(ex, "Outbox dispatch round failed; retrying in {Interval}", options.Value.PollInterval);
            }

            if (!dispatchedFullBatch)
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Publishes one batch of due rows. Returns true when the batch was full, so more may be waiting.</summary>
    internal async Task<bool> DispatchDueMessagesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var message in batch)
        {
            await PublishAsync(message, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        return batch.Count == options.Value.BatchSize;
    }

    private async Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        using var activity = StartActivityInOriginalTrace(row);
        try
        {
            var (message, type) = row.Deserialize();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.PublishTimeout);
            await bus.Publish(message, type, context =>
            {
                context.MessageId = row.Id;
                if (row.CorrelationId is not null)
                {
                    context.Headers.Set(MessageHeaders.CorrelationId, row.CorrelationId);
                }
            }, timeout.Token);

            row.SentAt = clock.GetUtcNow().UtcDateTime;
            row.LastError = null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            row.Attempts++;
            var delay = options.Value.RetryDelayAfter(row.Attempts);
            row.NextAttemptAt = clock.GetUtcNow().UtcDateTime + delay;
            row.LastError = Truncate(ex.Message, 2000);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            logger.LogWarning(ex, "Publishing outbox message {MessageId} ({Type}) failed on attempt {Attempt}; next try in {Delay}",
                row.Id, row.MessageType, row.Attempts, delay);
        }
    }

    private static Activity? StartActivityInOriginalTrace(OutboxMessage row)
    {
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        return MessagingTelemetry.ActivitySource.StartActivity("outbox publish", ActivityKind.Internal, parent)
            ?.SetTag("messaging.message.id", row.Id)
            .SetTag("cocreation.outbox.type", row.MessageType);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
