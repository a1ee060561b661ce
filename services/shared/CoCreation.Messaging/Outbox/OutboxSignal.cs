using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoCreation.Messaging.Outbox;

/// <summary>Wakes the dispatcher as soon as an event is committed, so publishing does not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>
    /// Notifies when <paramref name="context"/> holds an outbox row never tried and never sent: one just added. The
    /// interceptors that call this are stateless on purpose, since one instance serves every context.
    /// </summary>
    internal void NotifyIfNewRows(DbContext? context)
    {
        if (context?.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity is { SentAt: null, Attempts: 0 }) == true)
        {
            Notify();
        }
    }

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
        signal.NotifyIfNewRows(eventData.Context);
        return ValueTask.FromResult(result);
    }
}

/// <summary>
/// Signals the dispatcher after a transaction commits: rows saved inside one (a consumer's, with its inbox record)
/// become visible only then, and the signal at SaveChanges came too early for the dispatcher to see them.
/// </summary>
internal sealed class OutboxTransactionCommittedInterceptor(OutboxSignal signal) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.NotifyIfNewRows(eventData.Context);
        return Task.CompletedTask;
    }
}
