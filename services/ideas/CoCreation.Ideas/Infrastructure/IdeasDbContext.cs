using System.Text.Json;
using CoCreation.ApiConventions;
using CoCreation.Ideas.Model;
using CoCreation.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CoCreation.Ideas.Infrastructure;

public class IdeasDbContext(DbContextOptions options) : MessagingDbContext(options)
{
    public DbSet<Idea> Ideas => Set<Idea>();

    public DbSet<IdeaVersion> IdeaVersions => Set<IdeaVersion>();

    public DbSet<Challenge> Challenges => Set<Challenge>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<Support> Supports => Set<Support>();

    public DbSet<Follow> Follows => Set<Follow>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ModerationAction> ModerationActions => Set<ModerationAction>();

    public DbSet<TaxonomyTerm> TaxonomyTerms => Set<TaxonomyTerm>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddIdempotentRequests();

        modelBuilder.Entity<Idea>(idea =>
        {
            idea.HasKey(i => i.Id);
            idea.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
            idea.Property(i => i.Status).HasConversion<string>().HasMaxLength(30);
            idea.Property(i => i.Title).HasMaxLength(IdeaLimits.TitleLength);
            idea.Property(i => i.Summary).HasMaxLength(IdeaLimits.SummaryLength);
            idea.Property(i => i.Description).HasMaxLength(IdeaLimits.DescriptionLength);
            idea.Property(i => i.Language).HasMaxLength(2);
            idea.Property(i => i.OwnerPersonId).HasMaxLength(IdeaLimits.PersonIdLength);
            idea.Property(i => i.HiddenReason).HasMaxLength(IdeaLimits.ReasonLength);
            idea.Property(i => i.ProjectPhase).HasMaxLength(20);
            idea.HasIndex(i => i.ProjectId);
            // The ETag: an update that read an older version fails instead of overwriting a change it never saw.
            idea.Property(i => i.Version).IsConcurrencyToken();
            idea.Ignore(i => i.IsHidden);
            idea.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.IdeaId);
            idea.Navigation(i => i.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
            // One index per list order, each ending in the id that breaks ties: the keyset pages walk them.
            idea.HasIndex(i => new { i.ListedAt, i.Id });
            idea.HasIndex(i => new { i.SupportCount, i.Id });
            idea.HasIndex(i => new { i.UpdatedAt, i.Id });
            idea.HasIndex(i => i.OwnerOrganisationId);
            idea.HasIndex(i => i.ChallengeId);
            idea.HasOne<Challenge>().WithMany().HasForeignKey(i => i.ChallengeId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<IdeaVersion>(version =>
        {
            version.HasKey(v => new { v.IdeaId, v.Number });
            version.Property(v => v.Change).HasConversion<string>().HasMaxLength(30);
            version.Property(v => v.ChangedByPersonId).HasMaxLength(IdeaLimits.PersonIdLength);
            version.Property(v => v.Reason).HasMaxLength(IdeaLimits.ReasonLength);
            version.Property(v => v.Fields).HasConversion(JsonConversion<List<FieldChange>>(), new ValueComparer<List<FieldChange>>(
                (a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (hash, change) => HashCode.Combine(hash, change)), list => list.ToList()));
        });

        modelBuilder.Entity<Challenge>(challenge =>
        {
            challenge.HasKey(c => c.Id);
            challenge.Property(c => c.Title).HasMaxLength(IdeaLimits.TitleLength);
            challenge.Property(c => c.Summary).HasMaxLength(IdeaLimits.SummaryLength);
            challenge.Property(c => c.Description).HasMaxLength(IdeaLimits.DescriptionLength);
            challenge.Property(c => c.Environment).HasMaxLength(IdeaLimits.TagLength);
            challenge.Property(c => c.OwnerPersonId).HasMaxLength(IdeaLimits.PersonIdLength);
            challenge.HasIndex(c => new { c.ClosesOn, c.Id });
            challenge.Property(c => c.Version).IsConcurrencyToken().HasDefaultValue(1);
        });

        modelBuilder.Entity<Comment>(comment =>
        {
            comment.HasKey(c => c.Id);
            comment.Property(c => c.Body).HasMaxLength(IdeaLimits.CommentLength);
            comment.Property(c => c.AuthorPersonId).HasMaxLength(IdeaLimits.PersonIdLength);
            comment.Property(c => c.HiddenReason).HasMaxLength(IdeaLimits.ReasonLength);
            comment.Ignore(c => c.IsHidden);
            comment.HasOne<Idea>().WithMany().HasForeignKey(c => c.IdeaId);
            comment.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentCommentId).OnDelete(DeleteBehavior.Restrict);
            comment.HasIndex(c => new { c.IdeaId, c.ParentCommentId, c.CreatedAt });
        });

        modelBuilder.Entity<Support>(support =>
        {
            support.HasKey(s => new { s.IdeaId, s.PersonId });
            support.Property(s => s.PersonId).HasMaxLength(IdeaLimits.PersonIdLength);
            support.HasOne<Idea>().WithMany().HasForeignKey(s => s.IdeaId);
        });

        modelBuilder.Entity<Follow>(follow =>
        {
            follow.HasKey(f => new { f.IdeaId, f.PersonId });
            follow.Property(f => f.PersonId).HasMaxLength(IdeaLimits.PersonIdLength);
            follow.HasOne<Idea>().WithMany().HasForeignKey(f => f.IdeaId);
            follow.HasIndex(f => f.PersonId);
        });

        modelBuilder.Entity<Report>(report =>
        {
            report.HasKey(r => r.Id);
            report.Property(r => r.TargetKind).HasConversion<string>().HasMaxLength(20);
            report.Property(r => r.Reason).HasConversion<string>().HasMaxLength(30);
            report.Property(r => r.Details).HasMaxLength(IdeaLimits.ReasonLength);
            report.Property(r => r.ReporterPersonId).HasMaxLength(IdeaLimits.PersonIdLength);
            report.HasIndex(r => new { r.TargetKind, r.TargetId });
            report.HasIndex(r => new { r.ResolvedAt, r.CreatedAt });
        });

        modelBuilder.Entity<ModerationAction>(action =>
        {
            action.HasKey(a => a.Id);
            action.Property(a => a.TargetKind).HasConversion<string>().HasMaxLength(20);
            action.Property(a => a.Action).HasConversion<string>().HasMaxLength(30);
            action.Property(a => a.Reason).HasMaxLength(IdeaLimits.ReasonLength);
            action.Property(a => a.ModeratorPersonId).HasMaxLength(IdeaLimits.PersonIdLength);
            action.HasIndex(a => new { a.TargetKind, a.TargetId });
            action.HasIndex(a => a.At);
        });

        modelBuilder.Entity<TaxonomyTerm>(term =>
        {
            term.HasKey(t => new { t.Facet, t.Code });
            term.Property(t => t.Facet).HasConversion<string>().HasMaxLength(20);
            term.Property(t => t.Code).HasMaxLength(IdeaLimits.TagLength);
            term.Property(t => t.NameFi).HasMaxLength(IdeaLimits.TagLength);
            term.Property(t => t.NameSv).HasMaxLength(IdeaLimits.TagLength);
            term.Property(t => t.NameEn).HasMaxLength(IdeaLimits.TagLength);
            term.HasData(TaxonomyTerm.Seed);
        });
    }

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> JsonConversion<T>()
        where T : class, new() => new(
            value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web),
            json => JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web) ?? new T());
}

/// <summary>Holds the SQLite migrations (Infrastructure/Migrations/Sqlite).</summary>
public sealed class IdeasSqliteDbContext(DbContextOptions<IdeasSqliteDbContext> options) : IdeasDbContext(options);

/// <summary>Holds the SQL Server migrations (Infrastructure/Migrations/SqlServer).</summary>
public sealed class IdeasSqlServerDbContext(DbContextOptions<IdeasSqlServerDbContext> options) : IdeasDbContext(options);
