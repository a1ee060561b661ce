using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CoCreation.Web.SignIn;

/// <summary>
/// A page that needs a person, reached without a session (it ended, or the web restarted): the person signs in again
/// and comes back to the page. When they were posting a form, what they typed is kept (<see cref="FormRescue"/>) and
/// the page fills it back in.
/// </summary>
public sealed class KeepFormOnChallenge(FormRescue rescue) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged && HttpMethods.IsPost(context.Request.Method))
        {
            var back = await rescue.KeepAsync(context);
            await context.ChallengeAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = back });
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
