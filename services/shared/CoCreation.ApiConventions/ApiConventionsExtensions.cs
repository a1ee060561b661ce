using System.Diagnostics;
using CoCreation.IntegrationEvents;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CoCreation.ApiConventions;

public static class ApiConventionsExtensions
{
    /// <summary>Largest request body a service accepts unless <c>Api:MaxRequestBodyBytes</c> says otherwise.</summary>
    public const long DefaultMaxRequestBodyBytes = 256 * 1024;

    public static IHostApplicationBuilder AddApiConventions(this IHostApplicationBuilder builder)
    {
        var maxBody = builder.Configuration.GetValue("Api:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var http = context.HttpContext;
            var problem = context.ProblemDetails;
            // Every problem has type, title, status and detail (RFC 9457), also those the framework writes for a bare status.
            problem.Status ??= http.Response.StatusCode;
            problem.Type ??= problem.Status is { } status ? $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}" : "about:blank";
            problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status ?? 500);
            problem.Detail ??= DetailFor(problem.Status ?? 500);
            context.ProblemDetails.Instance ??= $"{http.Request.Method} {http.Request.Path}";
            context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);
            if (CorrelationId.Get(http) is { } correlationId)
            {
                context.ProblemDetails.Extensions.TryAdd("correlationId", correlationId);
            }
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();

        // Binding failures throw, so that BadRequestExceptionHandler can name the field in a problem details body.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options => options.SerializerOptions.Converters.Add(PlatformJson.NamesOnly()));
        builder.AddPlatformTokens();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// Access tokens from the identity service (<c>Identity:Authority</c>, its base URL): signed JWTs for the audience
    /// <c>cocreation-api</c>, validated here as well as at the gateway. Without an authority, only the development
    /// identity headers work (see <see cref="ActingParty"/>).
    /// </summary>
    private static void AddPlatformTokens(this IHostApplicationBuilder builder)
    {
        var authority = builder.Configuration["Identity:Authority"];
        if (string.IsNullOrWhiteSpace(authority))
        {
            return;
        }
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = authority;
            options.Audience = ApiScopes.Audience;
            options.RequireHttpsMetadata = authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            // Claim names as the token has them ("sub", "organisation_id", "scope"), not mapped to long URIs.
            options.MapInboundClaims = false;
            // A token signed with a key we have not seen makes us fetch the keys again, at most every 30 s (the
            // default is 5 min): after the identity service's keys change, people's new tokens work within seconds.
            options.RefreshInterval = TimeSpan.FromSeconds(30);
        });
    }

    /// <summary>What to do next, for a problem that was written without its own detail.</summary>
    private static string DetailFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is not valid: correct it as the errors say, and send it again.",
        StatusCodes.Status401Unauthorized => "Send an access token from /connect/token in the Authorization header.",
        StatusCodes.Status403Forbidden => "The caller may not do this: act for an organisation that may, or ask its admin.",
        StatusCodes.Status404NotFound => "Nothing is at this address: check it against the API reference at /api.",
        StatusCodes.Status405MethodNotAllowed => "This address does not take this method: see the Allow header and the API reference.",
        StatusCodes.Status409Conflict => "The resource is not in a state that allows this: read it again and decide.",
        StatusCodes.Status412PreconditionFailed => "It changed meanwhile: read it again, and send If-Match with its new ETag.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with Content-Type: application/json.",
        StatusCodes.Status429TooManyRequests => "Wait as long as Retry-After says, then try again.",
        >= 500 => "The platform failed to answer: try again shortly, and quote the traceId to its operators if it persists.",
        _ => "See the title, and the API reference at /api.",
    };

    /// <summary>Every error, including 404 for unknown routes and 405, leaves as problem details.</summary>
    public static WebApplication UseApiConventions(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!string.IsNullOrWhiteSpace(app.Configuration["Identity:Authority"]))
        {
            app.UseAuthentication();
        }
        return app;
    }
}
