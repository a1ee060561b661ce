using System.Text.Json;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Notifications.Model;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Notifications.Webhooks;

/// <summary>
/// Turns an event into one delivery per subscription that wants it. The payload is written here, from what the
/// receiving organisations may see: never a person's id or name.
/// </summary>
public static class WebhookFanOut
{
    /// <summary>
    /// Queues <paramref name="data"/> as <paramref name="eventType"/> for every subscription to it, of
    /// <paramref name="organisations"/> only when given (an interest concerns two organisations, not everyone).
    /// </summary>
    public static async Task EnqueueAsync(
        NotificationsDbContext db, string eventType, Guid eventId, DateTimeOffset occurredAt, object data,
        IReadOnlyCollection<Guid>? organisations, DateTime now, CancellationToken cancellationToken)
    {
        var subscriptions = await db.WebhookSubscriptions
            .Where(s => s.Events.Contains(eventType) && (organisations == null || organisations.Contains(s.OrganisationId)))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions)
        {
            db.WebhookDeliveries.Add(WebhookDelivery.For(subscription, eventId, eventType, Payload(eventId, eventType, occurredAt, data), now));
        }
    }

    public static string Payload(Guid eventId, string eventType, DateTimeOffset occurredAt, object data) =>
        JsonSerializer.Serialize(new { id = eventId, type = eventType, occurredAt, data }, CoCreation.IntegrationEvents.PlatformJson.Options);
}
