using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoCreation.ApiConventions;

/// <summary>
/// Scopes limit what a token may do, not who may do it: a partner system whose token lacks <c>ideas.write</c> cannot
/// create an idea even though its organisation could. Checked for callers with an access token; the development
/// identity has no scopes to check.
/// </summary>
public static class ScopeRequirement
{
    /// <summary>Every request of the group that changes something (not GET or HEAD) needs <paramref name="scope"/> in the caller's token.</summary>
    public static RouteGroupBuilder RequireScopeForWrites(this RouteGroupBuilder group, string scope)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || http.User.Identity?.IsAuthenticated != true)
            {
                return await next(context);
            }
            var granted = http.User.FindFirst("scope")?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            return granted.Contains(scope, StringComparer.Ordinal)
                ? await next(context)
                : TypedResults.Problem(
                    title: "The access token does not allow this.",
                    detail: $"This request needs the scope '{scope}'. Ask for it at /connect/token (your client must have been given it).",
                    statusCode: StatusCodes.Status403Forbidden,
                    extensions: new Dictionary<string, object?> { ["requiredScope"] = scope });
        });
        return group;
    }
}
