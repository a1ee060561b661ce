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
