using CoCreation.ApiConventions;
using CoCreation.Messaging;
using CoCreation.Projects.Model;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Projects.Infrastructure;

/// <summary>The projects database: projects, the partnerships they may start from, and the outbox and inbox.</summary>
public class ProjectsDbContext(DbContextOptions options) : MessagingDbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();

    public DbSet<AgreedPartnership> AgreedPartnerships => Set<AgreedPartnership>();

    public DbSet<CanvasAnswer> CanvasAnswers => Set<CanvasAnswer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddIdempotentRequests();
        modelBuilder.Entity<AgreedPartnership>(partnership =>
        {
            partnership.HasKey(p => p.PartnershipId);
            partnership.HasIndex(p => p.IdeaId);
        });
        modelBuilder.Entity<Project>(project =>
        {
            project.HasKey(p => p.Id);
            project.Property(p => p.Title).HasMaxLength(200);
            project.Property(p => p.Summary).HasMaxLength(2000);
            project.Property(p => p.StartedByPersonId).HasMaxLength(100);
            project.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            project.Property(p => p.Phase).HasConversion<string>().HasMaxLength(20);
            project.Property(p => p.DiscontinuedReason).HasMaxLength(2000);
            project.Property(p => p.Outcome).HasMaxLength(8000);
            project.Property(p => p.Reference).HasMaxLength(1000);
            project.Property(p => p.Version).IsConcurrencyToken();
            // One project per agreed partnership.
            project.HasIndex(p => p.PartnershipId).IsUnique();
            project.HasIndex(p => p.IdeaId);
            project.HasIndex(p => new { p.CreatedAt, p.Id });
        });
        modelBuilder.Entity<CanvasAnswer>(answer =>
        {
            answer.HasKey(a => a.Id);
            answer.Property(a => a.Question).HasConversion<string>().HasMaxLength(40);
            answer.Property(a => a.Text).HasMaxLength(ProjectLimits.CanvasTextLength);
            answer.Property(a => a.ChangedByPersonId).HasMaxLength(100);
            answer.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId);
            // One row per version: two edits from the same version cannot both land.
            answer.HasIndex(a => new { a.ProjectId, a.Question, a.Version }).IsUnique();
        });
    }
}

public static class ProjectLimits
{
    public const int CanvasTextLength = 8000;
}

/// <summary>Holds the SQLite migrations (Infrastructure/Migrations/Sqlite).</summary>
public sealed class ProjectsSqliteDbContext(DbContextOptions<ProjectsSqliteDbContext> options) : ProjectsDbContext(options);

/// <summary>Holds the SQL Server migrations (Infrastructure/Migrations/SqlServer).</summary>
public sealed class ProjectsSqlServerDbContext(DbContextOptions<ProjectsSqlServerDbContext> options) : ProjectsDbContext(options);
