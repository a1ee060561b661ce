namespace CoCreation.Notifications.Model;

/// <summary>
/// An activity still to come, kept from <c>ActivityScheduled</c> so that its people are reminded the day before.
/// <see cref="RemindedAt"/> is set once, by whichever reminder round claims it first.
/// </summary>
public sealed class UpcomingActivity
{
    public Guid ActivityId { get; private set; }

    public Guid ProjectId { get; private set; }

    public string ProjectTitle { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Kind { get; private set; } = "";

    public DateTime StartsAt { get; private set; }

    public List<Guid> OrganisationIds { get; private set; } = [];

    public DateTime? RemindedAt { get; private set; }

    private UpcomingActivity()
    {
    }

    public static UpcomingActivity From(CoCreation.IntegrationEvents.ActivityScheduled scheduled) => new()
    {
        ActivityId = scheduled.ActivityId,
        ProjectId = scheduled.ProjectId,
        ProjectTitle = scheduled.ProjectTitle,
        Title = scheduled.Title,
        Kind = scheduled.Kind,
        StartsAt = scheduled.StartsAt.UtcDateTime,
        OrganisationIds = [.. scheduled.OrganisationIds],
    };
}
