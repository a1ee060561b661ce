using Microsoft.Extensions.Caching.Memory;

namespace CoCreation.Web.Api;

/// <summary>
/// The themes, environments and age groups, read from the API at most once a minute: every page names them, and
/// they change only when a moderator edits the taxonomy.
/// </summary>
public sealed class TaxonomyCache(IMemoryCache cache, PlatformApi api)
{
    private const string Key = "taxonomy";

    public async Task<Taxonomy> GetAsync() =>
        await cache.GetOrCreateAsync(Key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return (await api.TaxonomyAsync()).Value ?? Taxonomy.Empty;
        }) ?? Taxonomy.Empty;

    /// <summary>After a moderator's edit on this server: its pages show the change at once (others within the minute).</summary>
    public void Forget() => cache.Remove(Key);
}
