using CoCreation.Identity.Infrastructure;
using CoCreation.Identity.Model;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Identity.IntegrationEvents;

/// <summary>A service's answer to a personal-data export: kept as that service's part, once.</summary>
public sealed class PersonalDataCollectedConsumer(IdentityServiceDbContext db, TimeProvider clock, ILogger<PersonalDataCollectedConsumer> logger)
    : IdempotentConsumer<PersonalDataCollected, IdentityServiceDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PersonalDataCollected message, ConsumeContext<PersonalDataCollected> context)
    {
        var export = await Db.PersonalDataExports.Include(e => e.Parts)
            .FirstOrDefaultAsync(e => e.Id == message.ExportId && e.PersonId == message.PersonId, context.CancellationToken);
        if (export is null)
        {
            logger.LogInformation("Personal data from {Service} for export {ExportId}, which no longer exists (the account was erased); dropped",
                message.Service, message.ExportId);
            return;
        }
        if (export.Parts.All(p => p.Service != message.Service))
        {
            export.Parts.Add(new PersonalDataPart
            {
                ExportId = export.Id, Service = message.Service, DataJson = message.DataJson, ReceivedAt = Clock.GetUtcNow().UtcDateTime,
            });
        }
    }
}
