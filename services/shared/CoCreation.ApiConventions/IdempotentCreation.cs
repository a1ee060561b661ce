using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoCreation.ApiConventions;

/// <summary>
/// <c>Idempotency-Key</c> on creates, the same on every service: a client that retries a create with the same key
/// (after a timeout, say) gets the first response again instead of a second resource. The record of the key is saved
/// in the same transaction as what it created, so the two cannot disagree; a key reused with a different body is a 422.
/// Keys are kept for <see cref="IdempotencyRetention"/> (24 h by default).
/// </summary>
public static class IdempotentCreation
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxKeyLength = 100;

    /// <summary>
    /// Runs <paramref name="create"/> (which adds the new state, and its outbox event, to <paramref name="db"/>) and
    /// saves, or replays the response of an earlier request with the same key from the same requester.
    /// </summary>
    public static async Task<CreatedOnce<TResponse>> CreateOnceAsync<TResponse>(
        this DbContext db,
        HttpContext http,
        string requesterId,
        object request,
        Func<Task<CreatedResource<TResponse>>> create,
        CancellationToken cancellationToken)
    {
        var sent = http.Request.Headers.ContainsKey(Header);
        var key = http.Request.Headers[Header].ToString();
        if (!sent)
        {
            var created = await create();
            await db.SaveChangesAsync(cancellationToken);
            return new CreatedOnce<TResponse>(TypedResults.Created(created.Location, created.Body));
        }
        // Sent empty, a key would be no key at all: the client meant one, and is told so rather than create twice.
        if (key.Trim().Length == 0 || key.Length > MaxKeyLength || key.Any(c => char.IsControl(c) || !char.IsAscii(c)))
        {
            throw new InvalidFieldException(Header, $"An Idempotency-Key is 1 to {MaxKeyLength} printable characters; a UUID is a good choice.");
        }

        var fingerprint = Fingerprint(http, request);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (await FindAsync(db, requesterId, key, cancellationToken) is { } earlier)
        {
            if (earlier.CreatedAt >= now - IdempotencyRetention.Of(http.RequestServices.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()))
            {
                return Replay<TResponse>(earlier, fingerprint);
            }
            // An expired key is new again: its old record makes way for this request's.
            await db.Set<IdempotentRequest>().Where(r => r.RequesterId == requesterId && r.Key == key).ExecuteDeleteAsync(cancellationToken);
        }

        var result = await create();
        var jsonOptions = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        db.Set<IdempotentRequest>().Add(new IdempotentRequest
        {
            RequesterId = requesterId,
            Key = key,
            RequestFingerprint = fingerprint,
            StatusCode = StatusCodes.Status201Created,
            Location = result.Location,
            ResponseBody = JsonSerializer.Serialize(result.Body, jsonOptions),
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent request with the same key committed first; its key row kept this one out. Answer as it did.
            db.ChangeTracker.Clear();
            var winner = await FindAsync(db, requesterId, key, cancellationToken);
            if (winner is null)
            {
                throw;
            }
            return Replay<TResponse>(winner, fingerprint);
        }
        return new CreatedOnce<TResponse>(TypedResults.Created(result.Location, result.Body));
    }

    public static ModelBuilder AddIdempotentRequests(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdempotentRequest>(request =>
        {
            request.ToTable("IdempotentRequests");
            request.HasKey(r => new { r.RequesterId, r.Key });
            request.Property(r => r.RequesterId).HasMaxLength(100);
            request.Property(r => r.Key).HasMaxLength(MaxKeyLength);
            request.Property(r => r.RequestFingerprint).HasMaxLength(64);
            request.Property(r => r.Location).HasMaxLength(500);
            request.HasIndex(r => r.CreatedAt);
        });
        return modelBuilder;
    }

    private static Task<IdempotentRequest?> FindAsync(DbContext db, string requesterId, string key, CancellationToken cancellationToken) =>
        db.Set<IdempotentRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.RequesterId == requesterId && r.Key == key, cancellationToken);

    private static CreatedOnce<TResponse> Replay<TResponse>(IdempotentRequest earlier, string fingerprint)
    {
        if (earlier.RequestFingerprint != fingerprint)
        {
            return new CreatedOnce<TResponse>(TypedResults.Problem(
                title: "This Idempotency-Key was used for a different request.",
                detail: "Use a new key for a new request; reuse a key only to retry exactly the same request.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [Header] = ["Already used with a different body."] } }));
        }
        return new CreatedOnce<TResponse>(new ReplayedResult(earlier));
    }

    private static string Fingerprint(HttpContext http, object request)
    {
        var bytes = Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}\n{JsonSerializer.Serialize(request, request.GetType())}");
        return Convert.ToHexString(SHA256.HashData(bytes));
    }

    private sealed class ReplayedResult(IdempotentRequest earlier) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = earlier.StatusCode;
            httpContext.Response.Headers[ReplayedHeader] = "true";
            if (earlier.Location is not null)
            {
                httpContext.Response.Headers.Location = earlier.Location;
            }
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await httpContext.Response.WriteAsync(earlier.ResponseBody);
        }
    }
}

/// <summary>
/// The answer to a create that honours <c>Idempotency-Key</c>: 201 with the new resource, the first answer again for a
/// retry (with <c>Idempotent-Replayed: true</c>), or 422 for a key already used with a different body. Typed, so that a
/// handler returning it (<c>Results&lt;CreatedOnce&lt;T&gt;, ForbiddenProblem&gt;</c>) documents 201 and 422 itself.
/// </summary>
public sealed class CreatedOnce<TResponse> : IResult, IEndpointMetadataProvider
{
    private readonly IResult _answer;

    internal CreatedOnce(IResult answer) => _answer = answer;

    public Task ExecuteAsync(HttpContext httpContext) => _answer.ExecuteAsync(httpContext);

    // IEndpointMetadataProvider's member is static by design, as on the framework's own Created<T>.
#pragma warning disable CA1000
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
#pragma warning restore CA1000
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(TResponse), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(
            StatusCodes.Status422UnprocessableEntity, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
    }
}

/// <summary>What a create handler made: where it lives and what to answer.</summary>
public sealed record CreatedResource<TResponse>(string Location, TResponse Body);

/// <summary>A create request answered once, kept so that a retry with the same key gets the same answer.</summary>
public sealed class IdempotentRequest
{
    public string RequesterId { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of method, path and body: a key reused for a different request is refused.</summary>
    public string RequestFingerprint { get; set; } = "";

    public int StatusCode { get; set; }

    public string? Location { get; set; }

    public string ResponseBody { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
