using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CoCreation.Gateway;

/// <summary>
/// What the gateway does for every service before a request reaches one: rate limits per address (429 with
/// Retry-After), CORS for the web front end's origins only, security headers, and refusing invalid access tokens.
/// </summary>
public static class EdgeProtection
{
    public static IHostApplicationBuilder AddEdgeProtection(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsProbe(http.Request.Path)
                    ? RateLimitPartition.GetNoLimiter("probes")
                    : RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.PermitLimit,
                        Window = limits.Window,
                        QueueLimit = 0,
                    }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = $"This address may make {limits.PermitLimit} requests per {limits.Window.TotalSeconds:0} s. Retry after {seconds} s.",
                    },
                });
            };
        });

        var origins = builder.Configuration.GetSection("Gateway:WebOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("ETag", "Location", "Retry-After", "X-Correlation-Id", "Idempotent-Replayed")));
        return builder;
    }

    public static WebApplication UseEdgeProtection(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var headers = http.Response.Headers;
            // Set as the answer leaves, and only where the service behind did not set its own (the web's pages, the
            // sign-in pages): proxied headers are added to what is here, and a header twice is two policies.
            http.Response.OnStarting(() =>
            {
                headers.TryAdd("X-Content-Type-Options", "nosniff");
                headers.TryAdd("X-Frame-Options", "DENY");
                headers.TryAdd("Referrer-Policy", "no-referrer");
                // The API's policy: nothing may run.
                headers.TryAdd("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                return Task.CompletedTask;
            });
            if (http.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }
            await next(http);
        });
        app.UseCors();
        app.Use(async (http, next) =>
        {
            // A token was sent but did not validate here: stop it at the edge, before it costs a service anything.
            if (http.User.Identity?.IsAuthenticated != true
                && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                && !string.IsNullOrEmpty(http.RequestServices.GetRequiredService<IConfiguration>()["Identity:Authority"]))
            {
                await WriteUnauthorizedAsync(http, "Bearer error=\"invalid_token\"", "The access token is not valid.",
                    "It is expired, tampered with, or for another audience. Get a new one from /connect/token.");
                return;
            }
            await next(http);
        });
        return app;
    }

    /// <summary>
    /// The rate limit, first of all: by the caller's address, before any token is read, so that requests with bad
    /// tokens are counted (and cost nothing once over the limit) like any other.
    /// </summary>
    public static WebApplication UseEdgeRateLimit(this WebApplication app)
    {
        app.UseRateLimiter();
        app.Use(async (http, next) =>
        {
            // What no service could be sent is the caller's to fix: a 4xx here, not a 502 or 503 from a failed forward.
            if (!ForwardedMethods.Contains(http.Request.Method))
            {
                http.Response.Headers.Allow = string.Join(", ", ForwardedMethods);
                await WriteProblemAsync(http, StatusCodes.Status405MethodNotAllowed, "The method is not supported.",
                    $"The platform answers {string.Join(", ", ForwardedMethods)}.");
                return;
            }
            if (http.Request.Headers.FirstOrDefault(h => h.Value.Any(v => v is not null && v.Any(c => c > '\u007E' || (c < ' ' && c != '\t')))) is { Key: { } header })
            {
                await WriteProblemAsync(http, StatusCodes.Status400BadRequest, $"The header {header} holds characters other than printable ASCII.",
                    "HTTP header values are ASCII: send a UUID as Idempotency-Key, ETags as the API gave them, language tags such as fi or sv.");
                return;
            }
            await next(http);
        });
        return app;
    }

    private static readonly HashSet<string> ForwardedMethods = new(StringComparer.OrdinalIgnoreCase)
        { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" };

    private static Task WriteProblemAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    /// <summary>A 401 problem with its <c>WWW-Authenticate</c> challenge: how the edge turns away a caller it cannot identify.</summary>
    public static Task WriteUnauthorizedAsync(HttpContext http, string challenge, string title, string detail)
    {
        http.Response.Headers.WWWAuthenticate = challenge;
        return WriteProblemAsync(http, StatusCodes.Status401Unauthorized, title, detail);
    }

    /// <summary>
    /// The caller's address (the person's own, as the web names it in X-Forwarded-For): the limit is counted before
    /// any token is validated, so a token cannot choose its bucket.
    /// </summary>
    private static string ClientKey(HttpContext http) => "ip:" + http.Connection.RemoteIpAddress;

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/alive");
}

/// <summary>The <c>Gateway:RateLimit</c> configuration section: a fixed window per client.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Gateway:RateLimit";

    /// <summary>Per address: a class behind one school address shares it, hence well above one person's need.</summary>
    public int PermitLimit { get; set; } = 1200;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
