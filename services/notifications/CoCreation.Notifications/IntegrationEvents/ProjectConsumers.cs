using System.Diagnostics;
using System.Globalization;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging.Inbox;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Notifications.Model;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCreation.Notifications.IntegrationEvents;

// What a project asks of the people of its organisations, in their inboxes: a phase moved, an agreement to accept,
// an activity to come to, a decision made.

/// <summary>The people of the given organisations, each told once even when they belong to two of them.</summary>
internal static class ProjectPeople
{
    public static async Task TellAsync(NotificationsDbContext db, IEnumerable<Guid> organisationIds, string kind, string title, string body, Guid projectId,
        DateTime now, CancellationToken cancellationToken)
    {
        var organisations = organisationIds.Distinct().ToList();
        var people = await db.OrganisationMembers.AsNoTracking().Where(m => organisations.Contains(m.OrganisationId) && m.Role != null)
            .Select(m => m.PersonId).Distinct().ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            db.Notifications.Add(Notification.Create(person, kind, title, body, $"/api/v1/projects/{projectId}", now, Activity.Current?.TraceId.ToString()));
        }
    }
}

public sealed class ProjectPhaseChangedConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<ProjectPhaseChangedConsumer> logger)
    : IdempotentConsumer<ProjectPhaseChanged, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ProjectPhaseChanged message, ConsumeContext<ProjectPhaseChanged> context) =>
        ProjectPeople.TellAsync(Db, [message.OwnerOrganisationId, .. message.PartnerOrganisationIds], "project-phase-changed",
            $"\"{message.ProjectTitle}\" moved to {message.ToPhase}",
            message.Reason ?? $"From {message.FromPhase} to {message.ToPhase}; the project page shows what the next phase needs.",
            message.ProjectId, Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

public sealed class ProjectAgreementChangedConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<ProjectAgreementChangedConsumer> logger)
    : IdempotentConsumer<ProjectAgreementChanged, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ProjectAgreementChanged message, ConsumeContext<ProjectAgreementChanged> context) =>
        ProjectPeople.TellAsync(Db, message.OrganisationIds, "project-agreement-to-accept",
            $"The agreement of \"{message.ProjectTitle}\" waits for your organisation",
            $"Version {message.Version} is written: read it, and accept it for your organisation on the project page.",
            message.ProjectId, Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

public sealed class ActivityScheduledConsumer(NotificationsDbContext db, TimeProvider clock, IOptions<ReminderOptions> reminders, ILogger<ActivityScheduledConsumer> logger)
    : IdempotentConsumer<ActivityScheduled, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ActivityScheduled message, ConsumeContext<ActivityScheduled> context)
    {
        // Kept for the reminder the day before, unless it is that close already.
        if (message.StartsAt - message.ScheduledAt > reminders.Value.Lead
            && !await Db.UpcomingActivities.AnyAsync(a => a.ActivityId == message.ActivityId, context.CancellationToken))
        {
            Db.UpcomingActivities.Add(UpcomingActivity.From(message));
        }
        await ProjectPeople.TellAsync(Db, message.OrganisationIds, "project-activity-scheduled",
            $"\"{message.Title}\" in \"{message.ProjectTitle}\"",
            $"A {message.Kind.Replace('-', ' ')} starts {message.StartsAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.",
            message.ProjectId, Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
    }
}

public sealed class DecisionRecordedConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<DecisionRecordedConsumer> logger)
    : IdempotentConsumer<DecisionRecorded, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(DecisionRecorded message, ConsumeContext<DecisionRecorded> context) =>
        ProjectPeople.TellAsync(Db, message.OrganisationIds, "project-decision-recorded",
            $"A decision in \"{message.ProjectTitle}\": {message.Title}",
            message.Corrects is { } corrected ? $"It corrects decision {corrected} of the project's public log." : "It is in the project's public log.",
            message.ProjectId, Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

public sealed class ProjectInvitationSentConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<ProjectInvitationSentConsumer> logger)
    : IdempotentConsumer<ProjectInvitationSent, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ProjectInvitationSent message, ConsumeContext<ProjectInvitationSent> context) =>
        ProjectPeople.TellAsync(Db, [message.InvitedOrganisationId], "project-invitation",
            $"Your organisation is invited to \"{message.ProjectTitle}\"",
            message.Message is { Length: > 0 } words ? words : "Read the project, and accept or decline the invitation on its page.",
            message.ProjectId, Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

public sealed class ProjectInvitationAnsweredConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<ProjectInvitationAnsweredConsumer> logger)
    : IdempotentConsumer<ProjectInvitationAnswered, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ProjectInvitationAnswered message, ConsumeContext<ProjectInvitationAnswered> context) =>
        ProjectPeople.TellAsync(Db, [message.OwnerOrganisationId], "project-invitation-answered",
            message.Accepted ? $"An invited organisation joined \"{message.ProjectTitle}\"" : $"An invited organisation declined \"{message.ProjectTitle}\"",
            message.Accepted ? "It is now a partner, and is asked to accept the agreement." : "The project page lists its invitations.",
            message.ProjectId, Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}
