using CoCreation.ApiConventions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CoCreation.Gateway;

/// <summary>
/// Per-route authorisation at the edge, named on each route in appsettings.json (<c>AuthorizationPolicy</c>): a route
/// that serves only someone (moderation, notifications, one's account, an organisation's members and clients) turns
/// anonymous callers away, and a route of public content turns away anonymous writes. The services decide the rest
/// (whose idea, which role); this only spares them requests that can never succeed.
/// </summary>
public static class RoutePolicies
{
    /// <summary>Every request needs a caller: a valid token, or the development headers where they are allowed.</summary>
    public const string Caller = "caller";

    /// <summary>Reads are open to anyone; writes need a caller.</summary>
    public const string CallerForWrites = "caller-for-writes";

    public static IHostApplicationBuilder AddRoutePolicies(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Caller, policy => policy.AddRequirements(new CallerRequirement(WritesOnly: false)))
            .AddPolicy(CallerForWrites, policy => policy.AddRequirements(new CallerRequirement(WritesOnly: true)));
        builder.Services.AddSingleton<IAuthorizationHandler, CallerHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, UnauthenticatedProblem>();
        return builder;
    }

    private sealed record CallerRequirement(bool WritesOnly) : IAuthorizationRequirement;

    private sealed class CallerHandler : AuthorizationHandler<CallerRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CallerRequirement requirement)
        {
            if (context.Resource is HttpContext http && (
                    (requirement.WritesOnly && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method)))
                    || http.User.Identity?.IsAuthenticated == true
                    || (ActingParty.AllowsDevelopmentHeaders(http) && http.Request.Headers.ContainsKey(ActingParty.PersonHeader))))
            {
                context.Succeed(requirement);
            }
            return Task.CompletedTask;
        }
    }

    /// <summary>A refused request is a 401 problem saying how to authenticate, never a redirect or an empty body.</summary>
    private sealed class UnauthenticatedProblem : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Succeeded)
            {
                await _default.HandleAsync(next, context, policy, authorizeResult);
                return;
            }
            await EdgeProtection.WriteUnauthorizedAsync(context, "Bearer", "This needs an access token.",
                "Send Authorization: Bearer <token>; a partner system gets one from /connect/token (see docs/partner-guide.md).");
        }
    }
}
