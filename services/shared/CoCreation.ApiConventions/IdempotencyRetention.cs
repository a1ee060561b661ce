using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoCreation.ApiConventions;

/// <summary>
/// Idempotency keys are a promise for retries, not forever: after <c>Api:IdempotencyKeyRetention</c> (default 24 h)
/// a key counts as new and its record is deleted, hourly, so the table does not grow without end.
/// </summary>
public static class IdempotencyRetention
{
    public const string SettingName = "Api:IdempotencyKeyRetention";
    public static readonly TimeSpan Default = TimeSpan.FromHours(24);

    public static IHostApplicationBuilder AddIdempotencyRetention<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        builder.Services.AddHostedService<IdempotencyRecordCleaner<TContext>>();
        return builder;
    }

    public static TimeSpan Of(IConfiguration configuration) => configuration.GetValue(SettingName, Default);

    /// <summary>Deletes the records older than the retention; returns how many went.</summary>
    public static Task<int> DeleteExpiredAsync(DbContext db, TimeSpan retention, DateTime now, CancellationToken cancellationToken)
    {
        var cutoff = now - retention;
        return db.Set<IdempotentRequest>().Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}

internal sealed class IdempotencyRecordCleaner<TContext>(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<IdempotencyRecordCleaner<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await IdempotencyRetention.DeleteExpiredAsync(
                    scope.ServiceProvider.GetRequiredService<TContext>(), IdempotencyRetention.Of(configuration), clock.GetUtcNow().UtcDateTime, stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} expired idempotency records", deleted);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Deleting expired idempotency records failed; trying again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
