using CoCreation.ApiConventions;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;
using CoCreation.Projects.Infrastructure;
using CoCreation.Projects.Model;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Projects.Apis;

/// <summary>Reads and writes several of a project's resources share: what its gates check, its agreement, its decision log.</summary>
internal static class ProjectRecords
{
    public static ForbiddenProblem NotAParticipant(string action) =>
        Problems.Forbidden($"Only the project's organisations {action}.", "Act for the project's owner, one of its partners or its environment host.");

    /// <summary>What the gates check, from the project's own records, as they are now.</summary>
    public static async Task<GateFacts> FactsAsync(ProjectsDbContext db, Project project, CancellationToken cancellationToken)
    {
        var answered = (await CurrentAnswersAsync(db, project.Id, cancellationToken))
            .Where(a => a.Value.Text.Length > 0).Select(a => a.Key).ToHashSet();
        var agreement = await CurrentAgreementAsync(db, project.Id, cancellationToken);
        var accepted = agreement is null ? [] : await AcceptedByAsync(db, agreement, cancellationToken);
        var groups = await db.Evaluations.AsNoTracking().Where(e => e.ProjectId == project.Id).Select(e => e.Group).Distinct().CountAsync(cancellationToken);
        return new GateFacts(answered, agreement is not null && project.ParticipatingOrganisationIds.All(accepted.Contains), groups);
    }

    public static async Task<Dictionary<CanvasQuestion, CanvasAnswer>> CurrentAnswersAsync(ProjectsDbContext db, Guid projectId, CancellationToken cancellationToken) =>
        (await db.CanvasAnswers.AsNoTracking().Where(a => a.ProjectId == projectId).ToListAsync(cancellationToken))
            .GroupBy(a => a.Question).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Version)!);

    public static Task<ProjectAgreement?> CurrentAgreementAsync(ProjectsDbContext db, Guid projectId, CancellationToken cancellationToken) =>
        db.Agreements.AsNoTracking().Where(a => a.ProjectId == projectId).OrderByDescending(a => a.Version).FirstOrDefaultAsync(cancellationToken);

    public static async Task<HashSet<Guid>> AcceptedByAsync(ProjectsDbContext db, ProjectAgreement agreement, CancellationToken cancellationToken) =>
        [.. await db.AgreementAcceptances.AsNoTracking().Where(a => a.ProjectId == agreement.ProjectId && a.AgreementVersion == agreement.Version)
            .Select(a => a.OrganisationId).ToListAsync(cancellationToken)];

    /// <summary>
    /// Adds an entry to the project's public decision log, with its event, to the changes the caller saves: a decision
    /// and the change it made commit together.
    /// </summary>
    public static async Task<Decision> RecordDecisionAsync(ProjectsDbContext db, Project project, string title, string rationale, Guid organisationId,
        string personId, IReadOnlyList<Guid> evaluationIds, IReadOnlyList<Guid> activityIds, int? corrects, DateTime now, CancellationToken cancellationToken,
        ProjectPhase? toPhase = null)
    {
        var number = 1 + (await db.Decisions.Where(d => d.ProjectId == project.Id).MaxAsync(d => (int?)d.Number, cancellationToken) ?? 0);
        var decision = Decision.Record(project.Id, number, title, rationale, organisationId, personId, evaluationIds, activityIds, corrects, toPhase, now);
        db.Decisions.Add(decision);
        db.Publish(new DecisionRecorded(project.Id, project.Title, number, title, organisationId, corrects, project.ParticipatingOrganisationIds,
            new DateTimeOffset(now, TimeSpan.Zero)));
        return decision;
    }
}
