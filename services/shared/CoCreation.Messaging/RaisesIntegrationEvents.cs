using System.Diagnostics;

namespace CoCreation.Messaging;

/// <summary>
/// Base of an entity whose changes other services must hear about. It raises events as it changes; the service's
/// messaging context (<see cref="MessagingModel"/>) moves them into the outbox in the same SaveChanges as the change itself, so
/// a change is never saved without its event, nor an event sent for a change that was not saved.
/// </summary>
public abstract class RaisesIntegrationEvents
{
    private readonly List<object> _pendingEvents = [];

    protected void Raise(object integrationEvent) => _pendingEvents.Add(integrationEvent);

    internal IReadOnlyList<object> TakePendingEvents()
    {
        var events = _pendingEvents.ToList();
        _pendingEvents.Clear();
        return events;
    }
}

/// <summary>
/// The correlation id travels as W3C baggage on the current activity: the API conventions put it there for a request,
/// the inbox consumer for a message, and the outbox copies it onto the events a change raises.
/// </summary>
public static class CorrelationBaggage
{
    public const string Key = "correlation.id";

    public static string? Current => Activity.Current?.GetBaggageItem(Key);

    public static void Set(string? correlationId)
    {
        if (correlationId is not null && Activity.Current is { } activity && activity.GetBaggageItem(Key) is null)
        {
            activity.SetBaggage(Key, correlationId);
        }
    }
}
