using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoCreation.Messaging.Inbox;

/// <summary>
/// Base of every consumer: what <see cref="HandleAsync"/> changes is saved in one transaction with the inbox record
/// for this MessageId. A redelivered message (the broker's at-least-once delivery, or the
/// outbox publishing again after a crash) finds the record and changes nothing.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext db, TimeProvider clock, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext, IMessagingContext
{
    protected TContext Db => db;

    protected TimeProvider Clock => clock;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId; it cannot be deduplicated.");
        var consumer = GetType().Name;
        var correlationId = context.Headers.Get<string>(MessageHeaders.CorrelationId);
        CorrelationBaggage.Set(correlationId); // events this message causes carry the same correlation id
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["MessageId"] = messageId, ["CorrelationId"] = correlationId });

        try
        {
            // One transaction for everything the handler does, bulk updates included, and the inbox record: the effect
            // is seen whole or not at all, and a failure leaves nothing half done for the redelivery to find.
            var handled = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear(); // a retried attempt starts from the database, not from the failed one
                await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
                if (await AlreadyHandledAsync(messageId, consumer, context.CancellationToken))
                {
                    return false;
                }
                await HandleAsync(context.Message, context);
                db.InboxMessages.Add(new InboxMessage(messageId, consumer, clock.GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync(context.CancellationToken);
                await transaction.CommitAsync(context.CancellationToken);
                return true;
            });
            if (!handled)
            {
                logger.LogInformation("{Consumer} already handled message {MessageId}; ignoring the redelivery", consumer, messageId);
            }
        }
        catch (DbUpdateException)
        {
            // Two deliveries of the same message may race; if the other one committed first, the inbox key kept this one out.
            db.ChangeTracker.Clear();
            if (!await AlreadyHandledAsync(messageId, consumer, context.CancellationToken))
            {
                throw;
            }
            logger.LogInformation("{Consumer} handled message {MessageId} concurrently; this copy was discarded", consumer, messageId);
        }
    }

    /// <summary>Applies the message to the context (and may add outbox rows); the base class saves.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);

    private Task<bool> AlreadyHandledAsync(Guid messageId, string consumer, CancellationToken cancellationToken) =>
        db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken);
}
