using CoCreation.Messaging.Inbox;
using CoCreation.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Messaging;

/// <summary>
/// Base of every service's DbContext: the outbox and inbox tables live in the service's own database,
/// so that they commit in the same transaction as the state they belong to.
/// </summary>
public abstract class MessagingDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        MoveRaisedEventsToOutbox();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        MoveRaisedEventsToOutbox();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Events raised by tracked entities become outbox rows, committed in this same transaction.</summary>
    private void MoveRaisedEventsToOutbox()
    {
        var now = DateTime.UtcNow;
        var correlationId = CorrelationBaggage.Current;
        var raisers = ChangeTracker.Entries<RaisesIntegrationEvents>().Select(e => e.Entity).ToList();
        foreach (var integrationEvent in raisers.SelectMany(r => r.TakePendingEvents()))
        {
            OutboxMessages.Add(OutboxMessage.For(integrationEvent, now, correlationId));
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite forgets the kind, so it is restored on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
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
