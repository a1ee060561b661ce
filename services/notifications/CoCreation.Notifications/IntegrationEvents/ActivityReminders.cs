using System.Globalization;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Notifications.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCreation.Notifications.IntegrationEvents;

/// <summary>The <c>Reminders</c> configuration section.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>How long before an activity its people are reminded. An activity scheduled closer than this is not reminded: its news is fresh.</summary>
    public TimeSpan Lead { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often due reminders are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Tells the people of an activity's organisations, the day before, that it is coming.</summary>
public sealed class ActivityReminders(NotificationsDbContext db, IOptions<ReminderOptions> options, ILogger<ActivityReminders> logger)
{
    /// <summary>Reminds of every activity starting within the lead from <paramref name="now"/>; returns how many.</summary>
    public async Task<int> SendDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var horizon = now + options.Value.Lead;
        var due = await db.UpcomingActivities.AsNoTracking().Where(a => a.RemindedAt == null && a.StartsAt > now && a.StartsAt <= horizon)
            .OrderBy(a => a.StartsAt).Take(100).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var activity in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The claim and the notifications commit together; a second instance's claim finds RemindedAt set and sends nothing.
            var claimed = await db.UpcomingActivities.Where(a => a.ActivityId == activity.ActivityId && a.RemindedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.RemindedAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            await ProjectPeople.TellAsync(db, activity.OrganisationIds, "project-activity-tomorrow",
                $"Coming up: \"{activity.Title}\" in \"{activity.ProjectTitle}\"",
                $"The {activity.Kind.Replace('-', ' ')} starts {activity.StartsAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.",
                activity.ProjectId, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            sent++;
        }
        if (sent > 0)
        {
            logger.LogInformation("Reminded the people of {Count} activities starting before {Horizon:o}", sent, horizon);
        }
        return sent;
    }
}

/// <summary>Runs <see cref="ActivityReminders"/> every poll interval; a failed round is logged and the next one tries again.</summary>
public sealed class ActivityReminderService(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ActivityReminderService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ActivityReminders>().SendDueAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Activity reminder round failed; trying again in {Interval}", options.Value.PollInterval);
            }
            await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
        }
    }
}
