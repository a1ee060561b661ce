using System.Diagnostics;
using CoCreation.IntegrationEvents;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
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
