using CoCreation.ApiConventions;
using CoCreation.Messaging;
using CoCreation.PartnerMatching.Model;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.PartnerMatching.Infrastructure;

public class PartnerMatchingDbContext(DbContextOptions options) : MessagingDbContext(options)
{
    public const int NameLength = 200;
    public const int TextLength = 20_000;
    public const int ShortTextLength = 500;

    public DbSet<MatchableIdea> MatchableIdeas => Set<MatchableIdea>();

    public DbSet<OrganisationProfile> Organisations => Set<OrganisationProfile>();

    public DbSet<RealEnvironment> Environments => Set<RealEnvironment>();

    public DbSet<Interest> Interests => Set<Interest>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddIdempotentRequests();

        modelBuilder.Entity<MatchableIdea>(idea =>
        {
            idea.HasKey(i => i.IdeaId);
            // The id comes from the ideas service, never from this database.
            idea.Property(i => i.IdeaId).ValueGeneratedNever();
            idea.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
            idea.Property(i => i.Title).HasMaxLength(NameLength);
            idea.Property(i => i.Language).HasMaxLength(2);
            idea.Property(i => i.OwnerPersonId).HasMaxLength(100);
            idea.HasIndex(i => i.UpdatedAt);
        });

        modelBuilder.Entity<OrganisationProfile>(profile =>
        {
            profile.ToTable("Organisations");
            profile.HasKey(p => p.Id);
            // The profile's id is the organisation's id, given by the identity of whoever creates it.
            profile.Property(p => p.Id).ValueGeneratedNever();
            profile.Property(p => p.Type).HasConversion<string>().HasMaxLength(30);
            profile.Property(p => p.Name).HasMaxLength(NameLength);
            profile.Property(p => p.Description).HasMaxLength(TextLength);
            profile.Property(p => p.BusinessId).HasMaxLength(9);
            profile.Property(p => p.Region).HasMaxLength(100);
            profile.Property(p => p.ContactChannel).HasMaxLength(ShortTextLength);
            profile.Property(p => p.Website).HasMaxLength(ShortTextLength);
            profile.Property(p => p.Version).IsConcurrencyToken();
            profile.HasIndex(p => p.UpdatedAt);
            profile.HasIndex(p => new { p.Name, p.Id });
        });

        modelBuilder.Entity<RealEnvironment>(environment =>
        {
            environment.ToTable("Environments");
            environment.HasKey(e => e.Id);
            environment.Property(e => e.Kind).HasMaxLength(100);
            environment.Property(e => e.Name).HasMaxLength(NameLength);
            environment.Property(e => e.Address).HasMaxLength(ShortTextLength);
            environment.Property(e => e.Area).HasMaxLength(100);
            environment.Property(e => e.Rules).HasMaxLength(TextLength);
            environment.Property(e => e.Version).IsConcurrencyToken();
            // A JSON column the database can still query ("available on this day"): json_each in SQLite, OPENJSON in SQL Server.
            environment.OwnsMany(e => e.Availability, window => window.ToJson());
            environment.HasIndex(e => e.OwnerOrganisationId);
            environment.HasIndex(e => e.UpdatedAt);
            environment.HasIndex(e => new { e.Name, e.Id });
        });

        modelBuilder.Entity<Interest>(interest =>
        {
            interest.HasKey(i => i.Id);
            // Deciding checks the status it read: of two racing decisions, the second finds it changed and fails.
            interest.Property(i => i.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            interest.Property(i => i.InterestedPersonId).HasMaxLength(100);
            interest.Property(i => i.DecidedByPersonId).HasMaxLength(100);
            interest.Property(i => i.Message).HasMaxLength(ShortTextLength * 4);
            interest.Property(i => i.Reply).HasMaxLength(ShortTextLength * 4);
            // The rule "interest once per organisation and idea" is the key, so two racing requests cannot both pass.
            interest.HasIndex(i => new { i.IdeaId, i.InterestedOrganisationId }).IsUnique();
            interest.HasOne<MatchableIdea>().WithMany().HasForeignKey(i => i.IdeaId);
        });
    }
}

/// <summary>Holds the SQLite migrations (Infrastructure/Migrations/Sqlite).</summary>
public sealed class PartnerMatchingSqliteDbContext(DbContextOptions<PartnerMatchingSqliteDbContext> options) : PartnerMatchingDbContext(options);

/// <summary>Holds the SQL Server migrations (Infrastructure/Migrations/SqlServer).</summary>
public sealed class PartnerMatchingSqlServerDbContext(DbContextOptions<PartnerMatchingSqlServerDbContext> options) : PartnerMatchingDbContext(options);
