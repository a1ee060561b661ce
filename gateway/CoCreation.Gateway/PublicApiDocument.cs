using System.Text.Json.Nodes;
using Scalar.AspNetCore;

namespace CoCreation.Gateway;

/// <summary>
/// The public API's one OpenAPI 3.1 document, at <c>/openapi/v1.json</c>: the services' own documents merged (their
/// paths, schemas and tags), with the platform's OAuth2 security scheme, and an interactive reference (Scalar) at
/// <c>/api-reference</c>. Merged on request and kept for a minute; a service that does not answer is left out and
/// named in <c>x-unavailable-services</c>, so the reference still shows the rest.
/// </summary>
public static class PublicApiDocument
{
    /// <summary>The services whose APIs are public, in the order their paths appear.</summary>
    public static readonly string[] Services = ["identity", "ideas", "partner-matching", "projects", "notifications"];

    public static IServiceCollection AddPublicApiDocument(this IServiceCollection services)
    {
        services.AddHttpClient(nameof(PublicApiDocument), client => client.Timeout = TimeSpan.FromSeconds(5));
        services.AddSingleton<MergedApiDocument>();
        return services;
    }

    public static WebApplication MapPublicApiDocument(this WebApplication app)
    {
        app.MapGet("/openapi/v1.json", async (MergedApiDocument document, CancellationToken cancellationToken) =>
            Results.Text(await document.JsonAsync(cancellationToken), "application/json"))
            .ExcludeFromDescription();
        app.MapScalarApiReference("/api-reference", options => options
                .WithTitle("CoCreation API reference")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AddEndpointFilter(async (context, next) =>
            {
                // The reference is a page with its own script and styles; the API's default policy allows none.
                context.HttpContext.Response.Headers.ContentSecurityPolicy =
                    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'";
                return await next(context);
            });
        return app;
    }

    /// <summary>
    /// One document from many: paths are the services' own (the gateway routes them unchanged); a schema two services
    /// both define by one name (problem details, for example) is kept once.
    /// </summary>
    public static JsonObject Merge(IReadOnlyList<(string Service, JsonObject? Document)> documents)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        var tags = new JsonArray();
        var tagNames = new HashSet<string>(StringComparer.Ordinal);
        var unavailable = new JsonArray();
        foreach (var (service, document) in documents)
        {
            if (document is null)
            {
                unavailable.Add(service);
                continue;
            }
            foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
            {
                MarkAnonymousOperations(item as JsonObject);
                if (paths[path] is JsonObject existing)
                {
                    foreach (var (method, operation) in item!.AsObject())
                    {
                        existing[method] ??= operation?.DeepClone();
                    }
                }
                else
                {
                    paths[path] = item?.DeepClone();
                }
            }
            foreach (var (name, schema) in document["components"]?["schemas"]?.AsObject() ?? [])
            {
                schemas[name] ??= schema?.DeepClone();
            }
            foreach (var tag in document["tags"]?.AsArray() ?? [])
            {
                if (tag?["name"]?.GetValue<string>() is { } name && tagNames.Add(name))
                {
                    tags.Add(tag.DeepClone());
                }
            }
        }

        var merged = new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject
            {
                ["title"] = "CoCreation public API",
                ["version"] = "v1",
                ["description"] = "Ideas, partners and projects of the city's co-creation platform. Conventions (paging, ETags, " +
                    "Idempotency-Key, problem details): docs/api-guide.md; how to get a client and a token: docs/partner-guide.md. Open data is under CC BY 4.0.",
                ["license"] = new JsonObject { ["name"] = "API documentation: CC BY 4.0", ["identifier"] = "CC-BY-4.0" },
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    ["oauth2"] = new JsonObject
                    {
                        ["type"] = "oauth2",
                        ["description"] = "Partner systems: client credentials. People: authorisation code with PKCE (the web front end).",
                        ["flows"] = new JsonObject
                        {
                            ["clientCredentials"] = new JsonObject { ["tokenUrl"] = "/connect/token", ["scopes"] = Scopes() },
                            ["authorizationCode"] = new JsonObject
                            {
                                ["authorizationUrl"] = "/connect/authorize", ["tokenUrl"] = "/connect/token", ["scopes"] = Scopes(),
                            },
                        },
                    },
                },
            },
            ["security"] = new JsonArray(new JsonObject { ["oauth2"] = new JsonArray() }),
            ["tags"] = tags,
        };
        if (unavailable.Count > 0)
        {
            merged["x-unavailable-services"] = unavailable;
        }
        return merged;
    }

    /// <summary>
    /// An operation that never answers 401 serves anonymous callers too (the services declare a 401 wherever a caller
    /// is required): its security says a token is optional, so the reference does not ask for one.
    /// </summary>
    private static void MarkAnonymousOperations(JsonObject? pathItem)
    {
        foreach (var (_, operation) in pathItem ?? [])
        {
            if (operation is JsonObject { } op && op["responses"] is JsonObject responses && !responses.ContainsKey("401"))
            {
                op["security"] = new JsonArray(new JsonObject(), new JsonObject { ["oauth2"] = new JsonArray() });
            }
        }
    }

    private static JsonObject Scopes()
    {
        var scopes = new JsonObject();
        foreach (var scope in CoCreation.ApiConventions.ApiScopes.All)
        {
            scopes[scope] = scope.EndsWith(".write", StringComparison.Ordinal) ? $"Change {scope.Split('.')[0]}" : $"Read {scope.Split('.')[0]}";
        }
        return scopes;
    }
}

/// <summary>
/// The merged document, fetched from the services on request and kept: a minute when every service answered, a few
/// seconds when one did not (it may be starting), so a storm of readers does not become a storm on the services.
/// </summary>
public sealed class MergedApiDocument(IHttpClientFactory clients, IConfiguration configuration, ILogger<MergedApiDocument> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTime Until, string Json)? _cached;

    public async Task<string> JsonAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } fresh && DateTime.UtcNow < fresh.Until)
        {
            return fresh.Json;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && DateTime.UtcNow < again.Until)
            {
                return again.Json;
            }
            var fetched = await Task.WhenAll(PublicApiDocument.Services.Select(service => FetchAsync(service, cancellationToken)));
            var json = PublicApiDocument.Merge([.. PublicApiDocument.Services.Zip(fetched)]).ToJsonString();
            _cached = (DateTime.UtcNow + (fetched.All(d => d is not null) ? TimeSpan.FromMinutes(1) : TimeSpan.FromSeconds(5)), json);
            return json;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<JsonObject?> FetchAsync(string service, CancellationToken cancellationToken)
    {
        if (configuration[$"services:{service}:http:0"] is not { } address)
        {
            return null;
        }
        try
        {
            using var response = await clients.CreateClient(nameof(PublicApiDocument)).GetAsync(new Uri(new Uri(address), "/openapi/v1.json"), cancellationToken);
            response.EnsureSuccessStatusCode();
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            logger.LogWarning(ex, "The {Service} service's OpenAPI document could not be read; the public document leaves it out", service);
            return null;
        }
    }
}
