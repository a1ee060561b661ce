using CoCreation.Web.Api;
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
                // A token refused just after signing in will be refused again: say so rather than sign in round and round.
                var session = await http.AuthenticateAsync();
                if (session.Properties?.IssuedUtc is { } issued && DateTimeOffset.UtcNow - issued < FreshSession)
                {
                    http.Response.Redirect("/signin-failed");
                    return;
                }
                await http.ChallengeAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = back });
            }
        });
        return app;
    }

    private static readonly TimeSpan FreshSession = TimeSpan.FromSeconds(30);

    private static int StatusOf(Exception exception) =>
        exception is PlatformUnavailableException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            // Our own stylesheet and the one script of our own (the secret panel's copy button, an addition to a page
            // that works without it), and forms that post only to this site.
            headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return next(http);
        });
        return app;
    }
}
