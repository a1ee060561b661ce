using System.Diagnostics;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        builder.Services.Configure<JsonOptions>(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower)));
        return builder;
    }

    /// <summary>Every error, including 404 for unknown routes and 405, leaves as problem details.</summary>
    public static WebApplication UseApiConventions(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
