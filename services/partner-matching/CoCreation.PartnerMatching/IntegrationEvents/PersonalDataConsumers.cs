using System.Text.Json;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;
using CoCreation.Messaging.Inbox;
using CoCreation.PartnerMatching.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.PartnerMatching.IntegrationEvents;

/// <summary>Answers a personal-data export with the interests the person expressed or decided on.</summary>
public sealed class PersonalDataExportRequestedConsumer(
    PartnerMatchingDbContext db, TimeProvider clock, ILogger<PersonalDataExportRequestedConsumer> logger)
    : IdempotentConsumer<PersonalDataExportRequested, PartnerMatchingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PersonalDataExportRequested message, ConsumeContext<PersonalDataExportRequested> context)
    {
        var person = message.PersonId;
        var data = new
        {
            interestsExpressed = await Db.Interests.AsNoTracking().Where(i => i.InterestedPersonId == person)
                .Select(i => new { i.Id, i.IdeaId, i.InterestedOrganisationId, i.Message, i.Status, i.CreatedAt }).ToListAsync(context.CancellationToken),
            interestsDecided = await Db.Interests.AsNoTracking().Where(i => i.DecidedByPersonId == person)
                .Select(i => new { i.Id, i.IdeaId, i.Status, i.Reply, i.DecidedAt }).ToListAsync(context.CancellationToken),
        };
        Db.Publish(new PersonalDataCollected(message.ExportId, person, "partner-matching",
            JsonSerializer.Serialize(data, CoCreation.IntegrationEvents.PlatformJson.Options), Clock.GetUtcNow().UtcDateTime));
    }
}

/// <summary>A person erased their account: their interests and decisions stay for the organisations involved, under a pseudonym.</summary>
public sealed class PersonErasedConsumer(PartnerMatchingDbContext db, TimeProvider clock, ILogger<PersonErasedConsumer> logger)
    : IdempotentConsumer<PersonErased, PartnerMatchingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PersonErased message, ConsumeContext<PersonErased> context)
    {
        var (person, pseudonym, cancellationToken) = (message.PersonId, message.Pseudonym, context.CancellationToken);
        // Bulk updates: each finds nothing the second time, so a redelivery changes nothing.
        await Db.Interests.Where(i => i.InterestedPersonId == person).ExecuteUpdateAsync(u => u.SetProperty(i => i.InterestedPersonId, pseudonym), cancellationToken);
        await Db.Interests.Where(i => i.DecidedByPersonId == person).ExecuteUpdateAsync(u => u.SetProperty(i => i.DecidedByPersonId, pseudonym), cancellationToken);
        await Db.MatchableIdeas.Where(i => i.OwnerPersonId == person).ExecuteUpdateAsync(u => u.SetProperty(i => i.OwnerPersonId, pseudonym), cancellationToken);
    }
}
