using Microsoft.EntityFrameworkCore;

namespace CoCreation.Identity.Infrastructure;

/// <summary>
/// An export is everything the platform knows about a person, gathered in one place: it is kept only as long as the
/// person needs to download it (<c>Identity:PersonalDataExportRetention</c>, default 7 days), then deleted, hourly.
/// </summary>
public sealed class PersonalDataExportRetention(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<PersonalDataExportRetention> logger) : BackgroundService
{
    public const string SettingName = "Identity:PersonalDataExportRetention";
    public static readonly TimeSpan Default = TimeSpan.FromDays(7);

    /// <summary>The oldest request time an export may have and still be downloaded.</summary>
    public static DateTime OldestKept(IConfiguration configuration, TimeProvider clock) =>
        clock.GetUtcNow().UtcDateTime - configuration.GetValue(SettingName, Default);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var cutoff = OldestKept(configuration, clock);
                var deleted = await scope.ServiceProvider.GetRequiredService<IdentityServiceDbContext>().PersonalDataExports
                    .Where(e => e.RequestedAt < cutoff).ExecuteDeleteAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} personal data exports past their retention", deleted);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Deleting old personal data exports failed; trying again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
