using CoCreation.Messaging;
using CoCreation.PartnerMatching.Model;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.PartnerMatching.Infrastructure;

public class PartnerMatchingDbContext(DbContextOptions options) : MessagingDbContext(options)
{
    public DbSet<MatchableIdea> MatchableIdeas => Set<MatchableIdea>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<MatchableIdea>(idea =>
        {
            idea.HasKey(i => i.IdeaId);
            // The id comes from the ideas service, never from this database.
            idea.Property(i => i.IdeaId).ValueGeneratedNever();
            idea.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
            idea.Property(i => i.Title).HasMaxLength(200);
            idea.Property(i => i.Language).HasMaxLength(2);
        });
    }
}

/// <summary>Holds the SQLite migrations (Infrastructure/Migrations/Sqlite).</summary>
public sealed class PartnerMatchingSqliteDbContext(DbContextOptions<PartnerMatchingSqliteDbContext> options) : PartnerMatchingDbContext(options);

/// <summary>Holds the SQL Server migrations (Infrastructure/Migrations/SqlServer).</summary>
public sealed class PartnerMatchingSqlServerDbContext(DbContextOptions<PartnerMatchingSqlServerDbContext> options) : PartnerMatchingDbContext(options);
