using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace CoCreation.Web.SignIn;

/// <summary>
/// A form posted after the session ended is not lost: its fields are kept, protected, in a short-lived cookie for
/// that page, the person signs in again, and the page fills the form back from it.
/// </summary>
public sealed class FormRescue(IDataProtectionProvider protection)
{
    private const string CookieName = "cocreation.rescued-form";
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("CoCreation.Web.FormRescue").ToTimeLimitedDataProtector();

    /// <summary>Keeps a posted form's fields, and says where to come back to: the page itself.</summary>
    public async Task<string> KeepAsync(HttpContext http)
    {
        var page = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync();
            var fields = form.Where(f => !f.Key.StartsWith("__", StringComparison.Ordinal) && f.Key != "_handler")
                .ToDictionary(f => f.Key, f => f.Value.ToArray());
            var kept = new RescuedForm(http.Request.Path, fields);
            var value = _protector.Protect(JsonSerializer.Serialize(kept), TimeSpan.FromMinutes(30));
            http.Response.Cookies.Append(CookieName, value, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromMinutes(30) });
        }
        return page;
    }

    /// <summary>The fields kept for <paramref name="http"/>'s page, once: the cookie goes when they are taken.</summary>
    public IReadOnlyDictionary<string, string?[]>? Take(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value))
        {
            return null;
        }
        try
        {
            var kept = JsonSerializer.Deserialize<RescuedForm>(_protector.Unprotect(value));
            if (kept is null || kept.Path != http.Request.Path)
            {
                return null;
            }
            if (!http.Response.HasStarted)
            {
                http.Response.Cookies.Delete(CookieName);
            }
            return kept.Fields;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // expired or from another key: nothing to restore
        }
    }

    private sealed record RescuedForm(string Path, Dictionary<string, string?[]> Fields);
}
