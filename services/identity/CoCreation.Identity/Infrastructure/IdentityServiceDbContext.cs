using CoCreation.ApiConventions;
using CoCreation.Identity.Model;
using CoCreation.Messaging;
using CoCreation.Messaging.Inbox;
using CoCreation.Messaging.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Identity.Infrastructure;

/// <summary>
/// ASP.NET Core Identity's tables, OpenIddict's (applications, authorizations, scopes, tokens), organisations, and the
/// outbox and inbox. It derives from IdentityDbContext, so it takes part in messaging through <see cref="MessagingModel"/>;
/// no entity here raises events, so it publishes them explicitly (<see cref="MessagingModel.Publish"/>).
/// </summary>
public class IdentityServiceDbContext(DbContextOptions options) : IdentityDbContext<PlatformUser>(options), IMessagingContext
{
    /// <summary>The platform roles as Identity roles, with fixed ids so that the migration seeds them once.</summary>
    public static readonly IReadOnlyList<IdentityRole> PlatformRoleRows =
    [
        new(PlatformRoles.Administrator) { Id = "role-administrator", NormalizedName = "ADMINISTRATOR", ConcurrencyStamp = "role-administrator" },
        new(PlatformRoles.Moderator) { Id = "role-moderator", NormalizedName = "MODERATOR", ConcurrencyStamp = "role-moderator" },
    ];

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<PersonalDataExport> PersonalDataExports => Set<PersonalDataExport>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        MessagingModel.StoreTimestampsAsUtc(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        MessagingModel.AddOutboxAndInbox(builder);
        builder.Entity<PlatformUser>().Property(u => u.DisplayName).HasMaxLength(200);
        builder.Entity<PlatformUser>().Property(u => u.Language).HasMaxLength(5);
        builder.Entity<IdentityRole>().HasData(PlatformRoleRows);
        builder.Entity<Organisation>(organisation =>
        {
            organisation.HasKey(o => o.Id);
            organisation.Property(o => o.Name).HasMaxLength(200);
        });
        builder.Entity<Membership>(membership =>
        {
            membership.HasKey(m => new { m.OrganisationId, m.UserId });
            membership.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
            membership.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId);
            // Erasing an account ends its memberships.
            membership.HasOne<PlatformUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ApiClient>(client =>
        {
            client.HasKey(c => c.ClientId);
            client.Property(c => c.ClientId).HasMaxLength(100);
            client.Property(c => c.Name).HasMaxLength(200);
            client.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId);
        });
        builder.Entity<PersonalDataExport>(export =>
        {
            export.HasKey(e => e.Id);
            export.Property(e => e.PersonId).HasMaxLength(450);
            export.HasIndex(e => e.PersonId);
            export.HasMany(e => e.Parts).WithOne().HasForeignKey(p => p.ExportId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PersonalDataPart>(part =>
        {
            // One answer per service: a redelivered or repeated answer replaces nothing.
            part.HasKey(p => new { p.ExportId, p.Service });
            part.Property(p => p.Service).HasMaxLength(100);
        });
    }
}

/// <summary>Holds the SQLite migrations (Infrastructure/Migrations/Sqlite).</summary>
public sealed class IdentitySqliteDbContext(DbContextOptions<IdentitySqliteDbContext> options) : IdentityServiceDbContext(options);

/// <summary>Holds the SQL Server migrations (Infrastructure/Migrations/SqlServer).</summary>
public sealed class IdentitySqlServerDbContext(DbContextOptions<IdentitySqlServerDbContext> options) : IdentityServiceDbContext(options);
