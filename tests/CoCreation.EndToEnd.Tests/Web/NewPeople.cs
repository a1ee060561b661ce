using System.Net;
using System.Net.Http.Json;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>
/// People registered for one test, with their address confirmed through the link the notifications service mailed,
/// so that what a test does to them (membership, erasure) touches no other test's people.
/// </summary>
public static class NewPeople
{
    public const string Password = "a-long-enough-password-2026";

    public static async Task<string> RegisterConfirmedAsync(PlatformFixture platform, string displayName)
    {
        var email = $"{displayName.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}@example.org";
        using (var registered = await platform.Gateway.PostAsJsonAsync("/api/v1/accounts", new { email, displayName, password = Password }))
        {
            Assert.True(registered.StatusCode == HttpStatusCode.Created, $"Registering {email}: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync()}");
        }
        using var confirmed = await platform.Gateway.GetAsync(new Uri(await platform.WaitForMailedLinkAsync(email)).PathAndQuery);
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, $"Confirming {email}: {(int)confirmed.StatusCode}");
        return email;
    }
}
