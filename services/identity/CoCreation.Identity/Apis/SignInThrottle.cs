using Microsoft.Extensions.Caching.Memory;

namespace CoCreation.Identity.Apis;

/// <summary>
/// Wrong passwords slow down the address they come from, never the account: locking an account after a few failures
/// would let anyone who knows an email address keep its owner out. Five failures for one account from one address
/// within 15 minutes, and that address waits out the rest of the 15 minutes for that account; people elsewhere (and a
/// whole school behind one address, for its other accounts) sign in as before. Counted per instance.
/// </summary>
public sealed class SignInThrottle(IMemoryCache cache, TimeProvider clock)
{
    public const int PerAccount = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset Since;
    }

    /// <summary>How long <paramref name="address"/> must wait before trying <paramref name="email"/> again; null when it may try now.</summary>
    public TimeSpan? WaitFor(string? address, string email)
    {
        var now = clock.GetUtcNow();
        return cache.TryGetValue(Key(address, email), out Failures? failures) && failures!.Count >= PerAccount && now - failures.Since < Window
            ? Window - (now - failures.Since)
            : null;
    }

    public void Failed(string? address, string email)
    {
        var now = clock.GetUtcNow();
        var failures = cache.GetOrCreate(Key(address, email), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Window;
            return new Failures { Since = now };
        })!;
        Interlocked.Increment(ref failures.Count);
    }

    private static string Key(string? address, string email) => $"sign-in|{address}|{email.Trim().ToUpperInvariant()}";
}
