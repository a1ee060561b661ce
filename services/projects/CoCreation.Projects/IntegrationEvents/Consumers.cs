using System.Text.Json;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;
using CoCreation.Messaging.Inbox;
using CoCreation.Projects.Infrastructure;
using CoCreation.Projects.Model;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Projects.IntegrationEvents;

/// <summary>
/// Partner-matching agreed a partnership: the idea's organisation may now start its project. When the idea's project
/// is already under way (started by hand), the agreed partners join it.
/// </summary>
public sealed class PartnershipAgreedConsumer(ProjectsDbContext db, TimeProvider clock, ILogger<PartnershipAgreedConsumer> logger)
    : IdempotentConsumer<PartnershipAgreed, ProjectsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PartnershipAgreed message, ConsumeContext<PartnershipAgreed> context)
    {
        if (!await Db.AgreedPartnerships.AnyAsync(p => p.PartnershipId == message.PartnershipId, context.CancellationToken))
        {
            Db.AgreedPartnerships.Add(AgreedPartnership.From(message));
        }
        // Claiming the idea serialises this with a start by hand: if one commits between this read and the save, the
        // save fails and the retry finds the project. An idea not heard of yet is held as a placeholder for the claim.
        var idea = await Db.KnownIdeas.FindAsync([message.IdeaId], context.CancellationToken);
        if (idea is null)
        {
            idea = KnownIdea.New(message.IdeaId);
            Db.KnownIdeas.Add(idea);
        }
        idea.Claim();
        var project = await Db.Projects.FirstOrDefaultAsync(p => p.IdeaId == message.IdeaId && p.Status == ProjectStatus.Active, context.CancellationToken);
        foreach (var partner in message.PartnerOrganisationIds)
        {
            project?.Join(partner);
        }
    }
}

/// <summary>Keeps whose each idea is and whether it is published: what starting a project by hand checks.</summary>
public sealed class IdeaStatusChangedConsumer(ProjectsDbContext db, TimeProvider clock, ILogger<IdeaStatusChangedConsumer> logger)
    : IdempotentConsumer<IdeaStatusChanged, ProjectsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(IdeaStatusChanged message, ConsumeContext<IdeaStatusChanged> context)
    {
        var known = await Db.KnownIdeas.FindAsync([message.IdeaId], context.CancellationToken);
        if (known is null)
        {
            known = KnownIdea.New(message.IdeaId);
            Db.KnownIdeas.Add(known);
        }
        known.Follow(message.OwnerOrganisationId, message.Title, message.To, message.ChangedAt.UtcDateTime);
    }
}

/// <summary>Keeps the organisation's name, for the co-creation references that name it.</summary>
public sealed class OrganisationProfileChangedConsumer(ProjectsDbContext db, TimeProvider clock, ILogger<OrganisationProfileChangedConsumer> logger)
    : IdempotentConsumer<OrganisationProfileChanged, ProjectsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(OrganisationProfileChanged message, ConsumeContext<OrganisationProfileChanged> context)
    {
        var known = await Db.KnownOrganisations.FindAsync([message.OrganisationId], context.CancellationToken);
        if (known is null)
        {
            known = KnownOrganisation.New(message.OrganisationId);
            Db.KnownOrganisations.Add(known);
        }
        known.Describe(message.Name, message.Type, message.ChangedAt.UtcDateTime);
    }
}

/// <summary>Keeps the real environment and its host: the places a project's pilot and activities may be.</summary>
public sealed class EnvironmentChangedConsumer(ProjectsDbContext db, TimeProvider clock, ILogger<EnvironmentChangedConsumer> logger)
    : IdempotentConsumer<EnvironmentChanged, ProjectsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(EnvironmentChanged message, ConsumeContext<EnvironmentChanged> context)
    {
        var known = await Db.KnownEnvironments.FindAsync([message.EnvironmentId], context.CancellationToken);
        if (known is null)
        {
            known = KnownEnvironment.New(message.EnvironmentId);
            Db.KnownEnvironments.Add(known);
        }
        known.Describe(message.HostOrganisationId, message.Name, message.Kind, message.Published, message.ChangedAt.UtcDateTime);
    }
}

/// <summary>Answers a personal-data export with the projects the person started.</summary>
public sealed class PersonalDataExportRequestedConsumer(ProjectsDbContext db, TimeProvider clock, ILogger<PersonalDataExportRequestedConsumer> logger)
    : IdempotentConsumer<PersonalDataExportRequested, ProjectsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PersonalDataExportRequested message, ConsumeContext<PersonalDataExportRequested> context)
    {
        var data = new
        {
            projectsStarted = await Db.Projects.AsNoTracking().Where(p => p.StartedByPersonId == message.PersonId)
                .Select(p => new { p.Id, p.Title, p.OwnerOrganisationId, p.CreatedAt }).ToListAsync(context.CancellationToken),
            canvasAnswersWritten = await Db.CanvasAnswers.AsNoTracking().Where(a => a.ChangedByPersonId == message.PersonId)
                .Select(a => new { a.ProjectId, Question = a.Question.ToString(), a.Version, a.Text, a.ChangedAt }).ToListAsync(context.CancellationToken),
            agreementVersionsWritten = await Db.Agreements.AsNoTracking().Where(a => a.ChangedByPersonId == message.PersonId)
                .Select(a => new { a.ProjectId, a.Version, a.AdditionalTerms, a.ChangedAt }).ToListAsync(context.CancellationToken),
            agreementsAccepted = await Db.AgreementAcceptances.AsNoTracking().Where(a => a.AcceptedByPersonId == message.PersonId)
                .Select(a => new { a.ProjectId, a.AgreementVersion, a.OrganisationId, a.AcceptedAt }).ToListAsync(context.CancellationToken),
            activitiesScheduled = await Db.Activities.AsNoTracking().Where(a => a.ScheduledByPersonId == message.PersonId)
                .Select(a => new { a.ProjectId, a.Id, a.Title, a.StartsAt, a.ScheduledAt }).ToListAsync(context.CancellationToken),
            evaluationsGiven = await Db.Evaluations.AsNoTracking().Where(e => e.GivenByPersonId == message.PersonId)
                .Select(e => new { e.ProjectId, e.Id, Group = e.Group.ToString(), e.Rating, e.Text, e.GivenAt }).ToListAsync(context.CancellationToken),
            decisionsRecorded = await Db.Decisions.AsNoTracking().Where(d => d.RecordedByPersonId == message.PersonId)
                .Select(d => new { d.ProjectId, d.Number, d.Title, d.Rationale, d.RecordedAt }).ToListAsync(context.CancellationToken),
            lightParticipantsInvited = await Db.LightParticipants.AsNoTracking().Where(p => p.InvitedByPersonId == message.PersonId)
                .Select(p => new { p.ProjectId, p.Label, Group = p.Group.ToString(), p.InvitedAt, p.RevokedAt }).ToListAsync(context.CancellationToken),
            invitationsSent = await Db.Invitations.AsNoTracking().Where(i => i.InvitedByPersonId == message.PersonId)
                .Select(i => new { i.ProjectId, i.InvitedOrganisationId, i.Message, i.InvitedAt }).ToListAsync(context.CancellationToken),
            invitationsAnswered = await Db.Invitations.AsNoTracking().Where(i => i.AnsweredByPersonId == message.PersonId)
                .Select(i => new { i.ProjectId, i.InvitedOrganisationId, Status = i.Status.ToString(), i.AnsweredAt }).ToListAsync(context.CancellationToken),
            teamRoles = await Db.TeamMembers.AsNoTracking().Where(m => m.PersonId == message.PersonId)
                .Select(m => new { m.ProjectId, m.OrganisationId, m.Name, Role = m.Role.ToString(), m.JoinedAt }).ToListAsync(context.CancellationToken),
            ratingsGiven = await Db.ParticipantRatings.AsNoTracking().Where(r => r.RatedByPersonId == message.PersonId)
                .Select(r => new { r.ProjectId, r.OrganisationId, r.Rating, r.Comment, r.RatedAt }).ToListAsync(context.CancellationToken),
        };
        Db.Publish(new PersonalDataCollected(message.ExportId, message.PersonId, "projects",
            JsonSerializer.Serialize(data, CoCreation.IntegrationEvents.PlatformJson.Options), Clock.GetUtcNow().UtcDateTime));
    }
}

/// <summary>
/// A person erased their account: what they did in projects (started one, wrote the canvas or the agreement, accepted,
/// scheduled, evaluated, decided, rated) stays as the project's record, by a pseudonym; their places in teams go.
/// </summary>
public sealed class PersonErasedConsumer(ProjectsDbContext db, TimeProvider clock, ILogger<PersonErasedConsumer> logger)
    : IdempotentConsumer<PersonErased, ProjectsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PersonErased message, ConsumeContext<PersonErased> context)
    {
        foreach (var project in await Db.Projects.Where(p => p.StartedByPersonId == message.PersonId).ToListAsync(context.CancellationToken))
        {
            project.Pseudonymise(message.Pseudonym);
        }
        var person = message.PersonId;
        var cancellationToken = context.CancellationToken;
        (await Db.CanvasAnswers.Where(a => a.ChangedByPersonId == person).ToListAsync(cancellationToken)).ForEach(a => a.Pseudonymise(message.Pseudonym));
        (await Db.Agreements.Where(a => a.ChangedByPersonId == person).ToListAsync(cancellationToken)).ForEach(a => a.Pseudonymise(message.Pseudonym));
        (await Db.AgreementAcceptances.Where(a => a.AcceptedByPersonId == person).ToListAsync(cancellationToken)).ForEach(a => a.Pseudonymise(message.Pseudonym));
        (await Db.Activities.Where(a => a.ScheduledByPersonId == person).ToListAsync(cancellationToken)).ForEach(a => a.Pseudonymise(message.Pseudonym));
        (await Db.Evaluations.Where(e => e.GivenByPersonId == person).ToListAsync(cancellationToken)).ForEach(e => e.Pseudonymise(message.Pseudonym));
        (await Db.Decisions.Where(d => d.RecordedByPersonId == person).ToListAsync(cancellationToken)).ForEach(d => d.Pseudonymise(message.Pseudonym));
        (await Db.ParticipantRatings.Where(r => r.RatedByPersonId == person).ToListAsync(cancellationToken)).ForEach(r => r.Pseudonymise(message.Pseudonym));
        (await Db.LightParticipants.Where(p => p.InvitedByPersonId == person).ToListAsync(cancellationToken)).ForEach(p => p.Pseudonymise(message.Pseudonym));
        (await Db.Invitations.Where(i => i.InvitedByPersonId == person || i.AnsweredByPersonId == person).ToListAsync(cancellationToken))
            .ForEach(i => i.Pseudonymise(person, message.Pseudonym));
        // A place in a team is the person's own, under a name they chose: it goes with the account.
        Db.TeamMembers.RemoveRange(await Db.TeamMembers.Where(m => m.PersonId == person).ToListAsync(cancellationToken));
    }
}
