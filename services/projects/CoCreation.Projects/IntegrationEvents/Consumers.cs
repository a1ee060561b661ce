using System.Text.Json;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;
using CoCreation.Messaging.Inbox;
using CoCreation.Projects.Infrastructure;
using CoCreation.Projects.Model;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Projects.IntegrationEvents;

/// <summary>Partner-matching agreed a partnership: the idea's organisation may now start its project.</summary>
public sealed class PartnershipAgreedConsumer(ProjectsDbContext db, TimeProvider clock, ILogger<PartnershipAgreedConsumer> logger)
    : IdempotentConsumer<PartnershipAgreed, ProjectsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PartnershipAgreed message, ConsumeContext<PartnershipAgreed> context)
    {
        if (!await Db.AgreedPartnerships.AnyAsync(p => p.PartnershipId == message.PartnershipId, context.CancellationToken))
        {
            Db.AgreedPartnerships.Add(AgreedPartnership.From(message));
        }
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
        };
        Db.Publish(new PersonalDataCollected(message.ExportId, message.PersonId, "projects",
            JsonSerializer.Serialize(data, JsonSerializerOptions.Web), Clock.GetUtcNow().UtcDateTime));
    }
}

/// <summary>A person erased their account: the projects they started and the canvas answers they wrote stay, by a pseudonym.</summary>
public sealed class PersonErasedConsumer(ProjectsDbContext db, TimeProvider clock, ILogger<PersonErasedConsumer> logger)
    : IdempotentConsumer<PersonErased, ProjectsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PersonErased message, ConsumeContext<PersonErased> context)
    {
        foreach (var project in await Db.Projects.Where(p => p.StartedByPersonId == message.PersonId).ToListAsync(context.CancellationToken))
        {
            project.Pseudonymise(message.Pseudonym);
        }
        foreach (var answer in await Db.CanvasAnswers.Where(a => a.ChangedByPersonId == message.PersonId).ToListAsync(context.CancellationToken))
        {
            answer.Pseudonymise(message.Pseudonym);
        }
    }
}
