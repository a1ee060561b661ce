using CoCreation.Ideas.Model;
using CoCreation.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Ideas.Infrastructure;

public class IdeasDbContext(DbContextOptions options) : MessagingDbContext(options)
{
    public DbSet<Idea> Ideas => Set<Idea>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Idea>(idea =>
        {
            idea.HasKey(i => i.Id);
            idea.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
            idea.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            idea.Property(i => i.Title).HasMaxLength(IdeaLimits.TitleLength);
            idea.Property(i => i.Summary).HasMaxLength(IdeaLimits.SummaryLength);
            idea.Property(i => i.Description).HasMaxLength(IdeaLimits.DescriptionLength);
            idea.Property(i => i.Language).HasMaxLength(2);
            idea.Property(i => i.OwnerPersonId).HasMaxLength(100);
            idea.HasIndex(i => i.OwnerOrganisationId);
        });
    }
}

/// <summary>Holds the SQLite migrations (Infrastructure/Migrations/Sqlite).</summary>
public sealed class IdeasSqliteDbContext(DbContextOptions<IdeasSqliteDbContext> options) : IdeasDbContext(options);

/// <summary>Holds the SQL Server migrations (Infrastructure/Migrations/SqlServer).</summary>
public sealed class IdeasSqlServerDbContext(DbContextOptions<IdeasSqlServerDbContext> options) : IdeasDbContext(options);
