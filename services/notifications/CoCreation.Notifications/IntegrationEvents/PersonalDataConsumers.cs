using System.Text.Json;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;
using CoCreation.Messaging.Inbox;
using CoCreation.Notifications.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Notifications.IntegrationEvents;

/// <summary>Answers a personal-data export with the person's notifications.</summary>
public sealed class PersonalDataExportRequestedConsumer(
    NotificationsDbContext db, TimeProvider clock, ILogger<PersonalDataExportRequestedConsumer> logger)
    : IdempotentConsumer<PersonalDataExportRequested, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PersonalDataExportRequested message, ConsumeContext<PersonalDataExportRequested> context)
    {
        var data = new
        {
            notifications = await Db.Notifications.AsNoTracking().Where(n => n.RecipientPersonId == message.PersonId).OrderBy(n => n.CreatedAt)
                .Select(n => new { n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt }).ToListAsync(context.CancellationToken),
        };
        Db.Publish(new PersonalDataCollected(message.ExportId, message.PersonId, "notifications",
            JsonSerializer.Serialize(data, CoCreation.IntegrationEvents.PlatformJson.Options), Clock.GetUtcNow().UtcDateTime));
    }
}

/// <summary>A person erased their account: their notifications were for them alone, and their memberships end, so both go.</summary>
public sealed class PersonErasedConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<PersonErasedConsumer> logger)
    : IdempotentConsumer<PersonErased, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PersonErased message, ConsumeContext<PersonErased> context)
    {
        await Db.Notifications.Where(n => n.RecipientPersonId == message.PersonId).ExecuteDeleteAsync(context.CancellationToken);
        await Db.OrganisationMembers.Where(m => m.PersonId == message.PersonId).ExecuteDeleteAsync(context.CancellationToken);
    }
}
