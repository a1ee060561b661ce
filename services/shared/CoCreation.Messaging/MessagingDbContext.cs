using CoCreation.Messaging.Inbox;
using CoCreation.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Messaging;

/// <summary>
/// A DbContext that holds its service's outbox and inbox, so that they commit in the same transaction as the state
/// they belong to. Most services derive from <see cref="MessagingDbContext"/>; one whose context must derive from
/// something else (identity's IdentityDbContext) implements this and calls <see cref="MessagingModel"/> itself.
/// </summary>
public interface IMessagingContext
{
    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<InboxMessage> InboxMessages { get; }
}

/// <summary>Base of every service's DbContext that takes part in messaging.</summary>
public abstract class MessagingDbContext(DbContextOptions options) : DbContext(options), IMessagingContext
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        MessagingModel.MoveRaisedEventsToOutbox(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        MessagingModel.MoveRaisedEventsToOutbox(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        MessagingModel.StoreTimestampsAsUtc(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder) => MessagingModel.AddOutboxAndInbox(modelBuilder);
}

/// <summary>The outbox and inbox tables and the move of raised events into the outbox, for any messaging context.</summary>
public static class MessagingModel
{
    /// <summary>Events raised by tracked entities become outbox rows, committed in the coming SaveChanges.</summary>
    public static void MoveRaisedEventsToOutbox<TContext>(TContext db)
        where TContext : DbContext, IMessagingContext
    {
        var now = DateTime.UtcNow;
        var correlationId = CorrelationBaggage.Current;
        var raisers = db.ChangeTracker.Entries<RaisesIntegrationEvents>().Select(e => e.Entity).ToList();
        foreach (var integrationEvent in raisers.SelectMany(r => r.TakePendingEvents()))
        {
            db.OutboxMessages.Add(OutboxMessage.For(integrationEvent, now, correlationId));
        }
    }

    /// <summary>
    /// Puts an event in the outbox, to commit with the coming SaveChanges. For answers that no entity raises (a
    /// consumer's reply, an account mail); a change to an entity raises its own events instead.
    /// </summary>
    public static void Publish(this IMessagingContext db, object integrationEvent) =>
        db.OutboxMessages.Add(OutboxMessage.For(integrationEvent, DateTime.UtcNow, CorrelationBaggage.Current));

    /// <summary>Every timestamp is UTC; SQLite forgets the kind, so it is restored on the way out.</summary>
    public static void StoreTimestampsAsUtc(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public static void AddOutboxAndInbox(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("OutboxMessages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.MessageType).HasMaxLength(500);
            outbox.Property(m => m.TraceParent).HasMaxLength(100);
            outbox.Property(m => m.CorrelationId).HasMaxLength(100);
            outbox.Property(m => m.LastError).HasMaxLength(2000);
            // The dispatcher's query: unsent rows that are due.
            outbox.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("InboxMessages");
            // The key is the guarantee: one consumer handles one message once.
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
        });
    }
}
