using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoCreation.Messaging.Outbox;

/// <summary>Wakes the dispatcher as soon as an event is committed, so publishing does not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a signal: look anyway.
        }
    }
}

/// <summary>Signals the dispatcher after a SaveChanges that committed new outbox rows.</summary>
internal sealed class OutboxSavedChangesInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Stateless on purpose (one instance serves every context): a row never tried and never sent was just added.
        if (eventData.Context?.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity is { SentAt: null, Attempts: 0 }) == true)
        {
            signal.Notify();
        }
        return ValueTask.FromResult(result);
    }
}
