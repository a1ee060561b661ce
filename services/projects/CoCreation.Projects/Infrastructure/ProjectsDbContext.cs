using CoCreation.ApiConventions;
using CoCreation.Messaging;
using CoCreation.Projects.Model;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Projects.Infrastructure;

/// <summary>
/// The projects database: projects, the partnerships they may start from, their canvas, agreements, activities,
/// evaluations and decisions, the organisations and environments partner-matching told of, and the outbox and inbox.
/// </summary>
public class ProjectsDbContext(DbContextOptions options) : MessagingDbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();

    public DbSet<AgreedPartnership> AgreedPartnerships => Set<AgreedPartnership>();

    public DbSet<CanvasAnswer> CanvasAnswers => Set<CanvasAnswer>();

    public DbSet<ProjectAgreement> Agreements => Set<ProjectAgreement>();

    public DbSet<AgreementAcceptance> AgreementAcceptances => Set<AgreementAcceptance>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<Evaluation> Evaluations => Set<Evaluation>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<ParticipantRating> ParticipantRatings => Set<ParticipantRating>();

    public DbSet<KnownOrganisation> KnownOrganisations => Set<KnownOrganisation>();

    public DbSet<KnownEnvironment> KnownEnvironments => Set<KnownEnvironment>();

    public DbSet<KnownIdea> KnownIdeas => Set<KnownIdea>();

    public DbSet<ProjectInvitation> Invitations => Set<ProjectInvitation>();

    public DbSet<LightParticipant> LightParticipants => Set<LightParticipant>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

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
            project.Property(p => p.SignedReference).HasMaxLength(16000);
            project.Property(p => p.Version).IsConcurrencyToken();
            // One project per agreed partnership (a project started by hand has none).
            project.HasIndex(p => p.PartnershipId).IsUnique();
            // One live project per idea, however it started; a discontinued one leaves room for a new start.
            project.HasIndex(p => p.IdeaId).IsUnique().HasFilter("[Status] <> 'Discontinued'");
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
        modelBuilder.Entity<ProjectAgreement>(agreement =>
        {
            agreement.HasKey(a => a.Id);
            agreement.Property(a => a.AdditionalTerms).HasMaxLength(ProjectLimits.AgreementTermsLength);
            agreement.Property(a => a.ChangedByPersonId).HasMaxLength(100);
            agreement.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId);
            agreement.HasIndex(a => new { a.ProjectId, a.Version }).IsUnique();
        });
        modelBuilder.Entity<AgreementAcceptance>(acceptance =>
        {
            acceptance.HasKey(a => a.Id);
            acceptance.Property(a => a.AcceptedByPersonId).HasMaxLength(100);
            acceptance.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId);
            // An organisation accepts a version once; the second request finds its acceptance already there.
            acceptance.HasIndex(a => new { a.ProjectId, a.AgreementVersion, a.OrganisationId }).IsUnique();
        });
        modelBuilder.Entity<Activity>(activity =>
        {
            activity.HasKey(a => a.Id);
            activity.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
            activity.Property(a => a.Title).HasMaxLength(200);
            activity.Property(a => a.Description).HasMaxLength(4000);
            activity.Property(a => a.FeedbackToken).HasMaxLength(40);
            activity.Property(a => a.ScheduledByPersonId).HasMaxLength(100);
            activity.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId);
            activity.HasIndex(a => new { a.ProjectId, a.StartsAt });
            activity.HasIndex(a => a.FeedbackToken).IsUnique();
        });
        modelBuilder.Entity<Evaluation>(evaluation =>
        {
            evaluation.HasKey(e => e.Id);
            evaluation.Property(e => e.Group).HasConversion<string>().HasMaxLength(20);
            evaluation.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
            evaluation.Property(e => e.Phase).HasConversion<string>().HasMaxLength(20);
            evaluation.Property(e => e.Text).HasMaxLength(ProjectLimits.EvaluationTextLength);
            evaluation.Property(e => e.GivenByPersonId).HasMaxLength(100);
            evaluation.Property(e => e.SenderKey).HasMaxLength(64);
            evaluation.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId);
            evaluation.HasIndex(e => new { e.ProjectId, e.GivenAt });
            // Counting one address's recent feedback on one activity.
            evaluation.HasIndex(e => new { e.ActivityId, e.SenderKey, e.GivenAt });
            // A light participant evaluates each activity once.
            evaluation.HasIndex(e => new { e.LightParticipantId, e.ActivityId }).IsUnique().HasFilter("[LightParticipantId] IS NOT NULL AND [ActivityId] IS NOT NULL");
        });
        modelBuilder.Entity<Decision>(decision =>
        {
            decision.HasKey(d => d.Id);
            decision.Property(d => d.Title).HasMaxLength(200);
            decision.Property(d => d.Rationale).HasMaxLength(ProjectLimits.RationaleLength);
            decision.Property(d => d.ToPhase).HasConversion<string>().HasMaxLength(20);
            decision.Property(d => d.RecordedByPersonId).HasMaxLength(100);
            decision.HasOne<Project>().WithMany().HasForeignKey(d => d.ProjectId);
            // Numbers are the log's order; two entries racing for one number cannot both land.
            decision.HasIndex(d => new { d.ProjectId, d.Number }).IsUnique();
        });
        modelBuilder.Entity<ParticipantRating>(rating =>
        {
            rating.HasKey(r => r.Id);
            rating.Property(r => r.Comment).HasMaxLength(ProjectLimits.EvaluationTextLength);
            rating.Property(r => r.RatedByPersonId).HasMaxLength(100);
            rating.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId);
            rating.HasIndex(r => new { r.ProjectId, r.OrganisationId }).IsUnique();
        });
        modelBuilder.Entity<KnownOrganisation>(organisation =>
        {
            organisation.HasKey(o => o.Id);
            organisation.Property(o => o.Name).HasMaxLength(200);
            organisation.Property(o => o.Type).HasMaxLength(40);
        });
        modelBuilder.Entity<KnownIdea>(idea =>
        {
            idea.HasKey(i => i.Id);
            idea.Property(i => i.Title).HasMaxLength(200);
            idea.Property(i => i.Status).HasConversion<string>().HasMaxLength(30);
            idea.Property(i => i.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<ProjectInvitation>(invitation =>
        {
            invitation.HasKey(i => i.Id);
            invitation.Property(i => i.Message).HasMaxLength(ProjectLimits.InvitationMessageLength);
            invitation.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            invitation.Property(i => i.InvitedByPersonId).HasMaxLength(100);
            invitation.Property(i => i.AnsweredByPersonId).HasMaxLength(100);
            invitation.HasOne<Project>().WithMany().HasForeignKey(i => i.ProjectId);
            invitation.HasIndex(i => new { i.ProjectId, i.InvitedOrganisationId });
        });

        modelBuilder.Entity<LightParticipant>(participant =>
        {
            participant.HasKey(p => p.Id);
            participant.Property(p => p.Token).HasMaxLength(40);
            participant.Property(p => p.Label).HasMaxLength(ProjectLimits.LightParticipantLabelLength);
            participant.Property(p => p.Group).HasConversion<string>().HasMaxLength(20);
            participant.Property(p => p.InvitedByPersonId).HasMaxLength(100);
            participant.HasOne<Project>().WithMany().HasForeignKey(p => p.ProjectId);
            participant.HasIndex(p => p.Token).IsUnique();
            participant.HasIndex(p => new { p.ProjectId, p.InvitedAt });
        });

        modelBuilder.Entity<TeamMember>(member =>
        {
            member.HasKey(m => m.Id);
            member.Property(m => m.PersonId).HasMaxLength(100);
            member.Property(m => m.Name).HasMaxLength(ProjectLimits.TeamMemberNameLength);
            member.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
            member.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId);
            member.HasIndex(m => new { m.ProjectId, m.PersonId }).IsUnique();
            // One city contact per project, also when two people take the role at once.
            member.HasIndex(m => m.ProjectId).IsUnique().HasFilter("[Role] = 'CityContact'").HasDatabaseName("IX_TeamMembers_CityContact");
            member.HasIndex(m => m.PersonId);
        });

        modelBuilder.Entity<KnownEnvironment>(environment =>
        {
            environment.HasKey(e => e.Id);
            environment.Property(e => e.Name).HasMaxLength(200);
            environment.Property(e => e.Kind).HasMaxLength(40);
        });
    }
}

public static class ProjectLimits
{
    public const int CanvasTextLength = 8000;
    public const int AgreementTermsLength = 8000;
    public const int EvaluationTextLength = 2000;
    public const int RationaleLength = 4000;

    public const int InvitationMessageLength = 2000;

    /// <summary>The team's own note of who holds a light participant's link; not a name.</summary>
    public const int LightParticipantLabelLength = 100;

    /// <summary>The name a person chooses to be shown with in a project's team.</summary>
    public const int TeamMemberNameLength = 100;

    /// <summary>The most a light-feedback word may be: one tap and a word, not an essay.</summary>
    public const int FeedbackWordLength = 140;
}

/// <summary>Holds the SQLite migrations (Infrastructure/Migrations/Sqlite).</summary>
public sealed class ProjectsSqliteDbContext(DbContextOptions<ProjectsSqliteDbContext> options) : ProjectsDbContext(options);

/// <summary>Holds the SQL Server migrations (Infrastructure/Migrations/SqlServer).</summary>
public sealed class ProjectsSqlServerDbContext(DbContextOptions<ProjectsSqlServerDbContext> options) : ProjectsDbContext(options);
