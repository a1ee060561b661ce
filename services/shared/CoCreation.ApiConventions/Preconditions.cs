using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CoCreation.ApiConventions;

/// <summary>
/// Optimistic concurrency over HTTP, the same on every resource with a version: reads send <c>ETag: "version"</c>
/// (and answer <c>If-None-Match</c> with 304); updates must send <c>If-Match</c> with the ETag they read
/// (428 without it, 412 when someone changed the resource since), so no one overwrites a change they never saw.
/// </summary>
public static class Preconditions
{
    public static string ETagFor(int version) => $"\"{version}\"";

    /// <summary>Sets the ETag; true when the client's <c>If-None-Match</c> already has this version (answer 304).</summary>
    public static bool SetETagAndCheckNotModified(HttpContext http, int version)
    {
        var etag = ETagFor(version);
        http.Response.Headers.ETag = etag;
        var ifNoneMatch = http.Request.Headers.IfNoneMatch;
        return ifNoneMatch.Count > 0 && EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
            && tags.Any(t => t.Tag == "*" || t.Tag.Equals(etag, StringComparison.Ordinal));
    }

    /// <summary>
    /// Checks <c>If-Match</c> against the resource's current version. Returns null when the update may go ahead,
    /// otherwise the 428 or 412 problem to answer with.
    /// </summary>
    public static PreconditionProblem? CheckIfMatch(HttpContext http, int currentVersion)
    {
        var ifMatch = http.Request.Headers.IfMatch;
        if (ifMatch.Count == 0)
        {
            return new(TypedResults.Problem(
                title: "This update needs If-Match.",
                detail: "Read the resource first and send its ETag in the If-Match header, so that you cannot overwrite a change you have not seen.",
                statusCode: StatusCodes.Status428PreconditionRequired));
        }
        var current = ETagFor(currentVersion);
        if (EntityTagHeaderValue.TryParseList(ifMatch, out var tags) && tags.Any(t => !t.IsWeak && (t.Tag == "*" || t.Tag.Equals(current, StringComparison.Ordinal))))
        {
            return null;
        }
        http.Response.Headers.ETag = current;
        return new(TypedResults.Problem(
            title: "The resource changed since you read it.",
            detail: $"Your If-Match is {ifMatch}, the current ETag is {current}. Read it again, re-apply your change and retry.",
            statusCode: StatusCodes.Status412PreconditionFailed));
    }

    /// <summary>
    /// The 412 for a change that passed <see cref="CheckIfMatch"/> but lost the race to another one saved at the same
    /// moment (the concurrency token or a unique version refused it at the save): the same answer as a stale If-Match.
    /// </summary>
    public static PreconditionProblem ChangedMeanwhile(string what) => new(TypedResults.Problem(
        title: "The resource changed since you read it.",
        detail: $"Another change was saved at the same moment. Read the {what} again and retry.",
        statusCode: StatusCodes.Status412PreconditionFailed));
}
