using CoCreation.Identity.Model;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Identity.Infrastructure;

/// <summary>ASP.NET Core Identity's tables, OpenIddict's (applications, authorizations, scopes, tokens), and organisations.</summary>
public class IdentityServiceDbContext(DbContextOptions options) : IdentityDbContext<PlatformUser>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
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
            membership.HasOne<PlatformUser>().WithMany().HasForeignKey(m => m.UserId);
        });
        builder.Entity<ApiClient>(client =>
        {
            client.HasKey(c => c.ClientId);
            client.Property(c => c.ClientId).HasMaxLength(100);
            client.Property(c => c.Name).HasMaxLength(200);
            client.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId);
        });
    }
}

/// <summary>Holds the SQLite migrations (Infrastructure/Migrations/Sqlite).</summary>
public sealed class IdentitySqliteDbContext(DbContextOptions<IdentitySqliteDbContext> options) : IdentityServiceDbContext(options);

/// <summary>Holds the SQL Server migrations (Infrastructure/Migrations/SqlServer).</summary>
public sealed class IdentitySqlServerDbContext(DbContextOptions<IdentitySqlServerDbContext> options) : IdentityServiceDbContext(options);
