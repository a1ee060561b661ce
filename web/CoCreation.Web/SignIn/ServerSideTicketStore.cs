using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;

namespace CoCreation.Web.SignIn;

/// <summary>
/// Keeps each session's ticket, tokens included, on the server; the browser's cookie carries only the session's key.
/// The cache is in memory by default (a restart signs people in again, silently while their identity session lasts);
/// a deployment with several web instances registers a shared <see cref="IDistributedCache"/> instead.
/// </summary>
public sealed class ServerSideTicketStore(IDistributedCache cache, IDataProtectionProvider protection) : ITicketStore
{
    private const string KeyPrefix = "cocreation-web-session:";
    private readonly IDataProtector _protector = protection.CreateProtector("CoCreation.Web.SessionTickets");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Guid.NewGuid().ToString("N");
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var options = new DistributedCacheEntryOptions();
        if (ticket.Properties.ExpiresUtc is { } expires)
        {
            options.AbsoluteExpiration = expires;
        }
        // Protected, so a shared cache never holds usable tokens in the clear.
        return cache.SetAsync(KeyPrefix + key, _protector.Protect(TicketSerializer.Default.Serialize(ticket)), options);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var bytes = await cache.GetAsync(KeyPrefix + key);
        return bytes is null ? null : TicketSerializer.Default.Deserialize(_protector.Unprotect(bytes));
    }

    public Task RemoveAsync(string key) => cache.RemoveAsync(KeyPrefix + key);
}
