using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoCreation.ApiConventions;

/// <summary>
/// A correlation id a caller can quote to support: taken from the request's X-Correlation-Id (the gateway sets one
/// when the caller did not), echoed on the response, put on every log line and on the events the request causes.
/// </summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";
    private const string ItemKey = "CoCreation.CorrelationId";
    private const int MaxLength = 100;

    public static string? Get(HttpContext context) => context.Items.TryGetValue(ItemKey, out var value) ? value as string : null;

    internal static string Resolve(HttpContext context)
    {
        var sent = context.Request.Headers[HeaderName].ToString();
        var id = IsAcceptable(sent) ? sent : Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = id;
        return id;
    }

    // A caller's header ends up in logs and messages: accept only short, printable, plain ids.
    private static bool IsAcceptable(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}

internal sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    /// <summary>The same key as CoCreation.Messaging's CorrelationBaggage (this library does not reference messaging).</summary>
    private const string CorrelationBaggageKey = "correlation.id";

    public async Task InvokeAsync(HttpContext context)
    {
        var id = CorrelationId.Resolve(context);
        // As baggage, the id reaches the events this request raises and the services it calls.
        Activity.Current?.SetBaggage(CorrelationBaggageKey, id);
        // Set on the request too, so the gateway forwards it to the service that handles the call.
        context.Request.Headers[CorrelationId.HeaderName] = id;
        // Set when the response starts, replacing any copy a proxied service sent, so the header appears once.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationId.HeaderName] = id;
            return Task.CompletedTask;
        });
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }
}
