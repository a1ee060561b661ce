using CoCreation.Messaging;
using CoCreation.Notifications.Model;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Notifications.Infrastructure;

public class NotificationsDbContext(DbContextOptions options) : MessagingDbContext(options)
{
    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OrganisationMember> OrganisationMembers => Set<OrganisationMember>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<UpcomingActivity> UpcomingActivities => Set<UpcomingActivity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<UpcomingActivity>(activity =>
        {
            activity.HasKey(a => a.ActivityId);
            activity.Property(a => a.ActivityId).ValueGeneratedNever();
            activity.Property(a => a.ProjectTitle).HasMaxLength(200);
            activity.Property(a => a.Title).HasMaxLength(200);
            activity.Property(a => a.Kind).HasMaxLength(40);
            // What a reminder round looks for: not yet reminded, starting soon.
            activity.HasIndex(a => new { a.RemindedAt, a.StartsAt });
        });
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
        modelBuilder.Entity<OrganisationMember>(member =>
        {
            member.HasKey(m => new { m.OrganisationId, m.PersonId });
            member.Property(m => m.PersonId).HasMaxLength(100);
            member.Property(m => m.Role).HasMaxLength(20);
            member.HasIndex(m => m.PersonId);
        });
        modelBuilder.Entity<WebhookSubscription>(subscription =>
        {
            subscription.HasKey(s => s.Id);
            subscription.Property(s => s.Url).HasMaxLength(500);
            subscription.Property(s => s.Secret).HasMaxLength(100);
            subscription.Property(s => s.CreatedBy).HasMaxLength(100);
            subscription.HasIndex(s => s.OrganisationId);
        });
        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.EventType).HasMaxLength(50);
            delivery.Property(d => d.LastError).HasMaxLength(500);
            delivery.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
            // One delivery per event and subscription, however often the event arrives.
            delivery.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
            // The dispatcher's query: undelivered rows that are due.
            delivery.HasIndex(d => new { d.DeliveredAt, d.NextAttemptAt });
        });
    }
}

/// <summary>Holds the SQLite migrations (Infrastructure/Migrations/Sqlite).</summary>
public sealed class NotificationsSqliteDbContext(DbContextOptions<NotificationsSqliteDbContext> options) : NotificationsDbContext(options);

/// <summary>Holds the SQL Server migrations (Infrastructure/Migrations/SqlServer).</summary>
public sealed class NotificationsSqlServerDbContext(DbContextOptions<NotificationsSqlServerDbContext> options) : NotificationsDbContext(options);
