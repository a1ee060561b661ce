using Microsoft.Extensions.Caching.Memory;

namespace CoCreation.Web.Api;

/// <summary>
/// The themes, environments and age groups, read from the API at most once a minute: every page names them, and
/// they change only when a moderator edits the taxonomy.
/// </summary>
public sealed class TaxonomyCache(IMemoryCache cache, PlatformApi api)
{
    public async Task<Taxonomy> GetAsync() =>
        await cache.GetOrCreateAsync("taxonomy", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return (await api.TaxonomyAsync()).Value ?? Taxonomy.Empty;
        }) ?? Taxonomy.Empty;
}
