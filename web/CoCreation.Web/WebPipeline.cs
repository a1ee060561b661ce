using System.Text.Json;
using CoCreation.Web.Api;
using Microsoft.AspNetCore.DataProtection;
using CoCreation.Web.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace CoCreation.Web;

/// <summary>What every page gets: error pages in the person's language, and headers that keep the pages to themselves.</summary>
public static class WebPipeline
{
    /// <summary>
    /// An ended session signs the person in again and brings them back (a form they were filling is kept by
    /// <see cref="FormRescue"/>); an unavailable platform is a 503 page; unknown addresses are a 404 page.
    /// </summary>
    public static WebApplication UseWebErrorPages(this WebApplication app)
    {
        // Each error page renders in a scope of its own: the failed render's services (its navigation state) are spent.
        app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error/500", StatusCodeSelector = StatusOf, CreateScopeForErrors = true });
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (SignInRequiredException) when (!http.Response.HasStarted)
            {
                var back = await http.RequestServices.GetRequiredService<FormRescue>().KeepAsync(http);
                http.Response.Clear();
                await http.ChallengeAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = back });
            }
        });
        return app;
    }

    private static int StatusOf(Exception exception) =>
        exception is PlatformUnavailableException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            // No script at all, our own stylesheet, and forms that post only to this site.
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return next(http);
        });
        return app;
    }
}

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
