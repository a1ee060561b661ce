using CoCreation.PartnerMatching.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.PartnerMatching.Matching;

/// <summary>
/// Fills the matching index from the database when the service starts (before it takes requests), then applies
/// every row changed since its last look, every <c>Matching:RefreshInterval</c> (default one second). Changes come
/// from this instance's API, from any other instance, and from the event consumers: all of them write the tables,
/// so reading the tables keeps every replica's index current without a query ever rebuilding it.
/// </summary>
public sealed class MatchingIndexRefresher(
    IServiceScopeFactory scopes, MatchingIndex index, IConfiguration configuration, ILogger<MatchingIndexRefresher> logger) : BackgroundService
{
    private DateTime _organisationsSeen = DateTime.MinValue;
    private DateTime _environmentsSeen = DateTime.MinValue;
    private DateTime _ideasSeen = DateTime.MinValue;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        await RefreshAsync(cancellationToken);
        logger.LogInformation("Matching index loaded: {Organisations} organisations in {Seconds:F1} s", index.OrganisationCount, (DateTime.UtcNow - started).TotalSeconds);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Matching:RefreshInterval", TimeSpan.FromSeconds(1));
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval, stoppingToken);
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Refreshing the matching index failed; trying again in {Interval}", interval);
            }
        }
    }

    /// <summary>
    /// Applies the rows changed since the last look. Rows with the last seen timestamp are read again: applying a
    /// row twice changes nothing, and a row written in the same tick as the last one is not missed.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerMatchingDbContext>();
        // Environments first: an organisation's hosted kinds must be known when its profile is indexed.
        foreach (var environment in await db.Environments.AsNoTracking().Where(e => e.UpdatedAt >= _environmentsSeen).OrderBy(e => e.UpdatedAt).ToListAsync(cancellationToken))
        {
            index.Upsert(environment);
            _environmentsSeen = environment.UpdatedAt;
        }
        var seen = _organisationsSeen;
        await foreach (var profile in db.Organisations.AsNoTracking().Where(o => o.UpdatedAt >= seen).OrderBy(o => o.UpdatedAt).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            index.Upsert(profile);
            _organisationsSeen = profile.UpdatedAt;
        }
        foreach (var idea in await db.MatchableIdeas.AsNoTracking().Where(i => i.UpdatedAt >= _ideasSeen).OrderBy(i => i.UpdatedAt).ToListAsync(cancellationToken))
        {
            index.Upsert(idea);
            _ideasSeen = idea.UpdatedAt;
        }
    }
}
