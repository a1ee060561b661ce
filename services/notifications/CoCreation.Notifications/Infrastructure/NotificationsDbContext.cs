using CoCreation.Messaging;
using CoCreation.Notifications.Model;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Notifications.Infrastructure;

public class NotificationsDbContext(DbContextOptions options) : MessagingDbContext(options)
{
    public DbSet<Notification> Notifications => Set<Notification>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Notification>(notification =>
        {
            notification.HasKey(n => n.Id);
            notification.Property(n => n.RecipientPersonId).HasMaxLength(100);
            notification.Property(n => n.Kind).HasMaxLength(50);
            notification.Property(n => n.Title).HasMaxLength(300);
            notification.Property(n => n.Body).HasMaxLength(2000);
            notification.Property(n => n.Link).HasMaxLength(300);
            notification.Property(n => n.CausedByTraceId).HasMaxLength(32);
            // A person's inbox, newest first.
            notification.HasIndex(n => new { n.RecipientPersonId, n.Id });
        });
    }
}

/// <summary>Holds the SQLite migrations (Infrastructure/Migrations/Sqlite).</summary>
public sealed class NotificationsSqliteDbContext(DbContextOptions<NotificationsSqliteDbContext> options) : NotificationsDbContext(options);

/// <summary>Holds the SQL Server migrations (Infrastructure/Migrations/SqlServer).</summary>
public sealed class NotificationsSqlServerDbContext(DbContextOptions<NotificationsSqlServerDbContext> options) : NotificationsDbContext(options);
