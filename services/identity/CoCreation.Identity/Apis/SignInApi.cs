using System.Security.Claims;
using CoCreation.Identity.Accounts;
using CoCreation.Identity.Model;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static CoCreation.Identity.Accounts.AccountPages;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CoCreation.Identity.Apis;

/// <summary>
/// Sign-in for people: the authorisation endpoint of the authorisation-code flow with PKCE (the web front end's way
/// in), and the pages it sends a person to when they are not signed in yet: sign in, confirm the address, forgot and
/// reset the password.
/// </summary>
public static class SignInApi
{
    /// <summary>The cookie that remembers, at the identity service only, that a person signed in.</summary>
    public const string CookieScheme = "CoCreation.SignIn";

    public static IEndpointRouteBuilder MapSignInApi(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize).ExcludeFromDescription().DisableAntiforgery();
        routes.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSession).ExcludeFromDescription().DisableAntiforgery();
        var pages = routes.MapGroup("/account").ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
        {
            // Plain pages: their own inline styles, no script at all, never inside another site's frame.
            context.HttpContext.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
            context.HttpContext.Response.Headers.XFrameOptions = "DENY";
            return await next(context);
        });
        // The page takes no message from the address: "?error=..." would put anyone's sentence in the official error box.
        pages.MapGet("/login", (HttpContext http, IAntiforgery antiforgery, IStringLocalizer<PageText> text, string? returnUrl) =>
            LoginPage(http, antiforgery, text, returnUrl));
        pages.MapPost("/login", Login);
        pages.MapGet("/confirm-email", ConfirmEmailPage);
        pages.MapGet("/forgot-password", ForgotPasswordPage);
        pages.MapPost("/forgot-password", ForgotPassword);
        pages.MapGet("/reset-password", ResetPasswordPage);
        pages.MapPost("/reset-password", ResetPassword);
        return routes;
    }

    /// <summary>
    /// A person who is signed in gets a code for the client at once (our own front end needs no consent screen);
    /// anyone else goes to the sign-in page first and comes back here.
    /// </summary>
    public static async Task<IResult> Authorize(HttpContext http, UserManager<PlatformUser> users, PersonPrincipal principals, CancellationToken cancellationToken)
    {
        if (OAuthErrors.Local(http) is { } error)
        {
            return error;
        }
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing; is the authorisation endpoint passthrough enabled?");
        var signIn = await http.AuthenticateAsync(CookieScheme);
        var user = signIn.Succeeded ? await users.GetUserAsync(signIn.Principal!) : null;
        if (user is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return OAuthErrors.Refuse(Errors.LoginRequired, "The person is not signed in.");
            }
            // Back here after signing in; without prompt=login, which would otherwise send the person round again.
            var parameters = (http.Request.HasFormContentType ? http.Request.Form.ToList() : http.Request.Query.ToList())
                .Where(p => p.Key != Parameters.Prompt);
            var back = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = back }, [CookieScheme]);
        }

        Guid? organisation = null;
        if (request.GetParameter(PersonPrincipal.OrganisationParameter)?.ToString() is { Length: > 0 } asked)
        {
            if (!Guid.TryParse(asked, out var id))
            {
                return OAuthErrors.Refuse(Errors.InvalidRequest, $"{PersonPrincipal.OrganisationParameter} must be an organisation's id.");
            }
            organisation = id;
        }
        var principal = await principals.CreateAsync(user, organisation, request.GetScopes(), cancellationToken);
        return principal is null
            ? OAuthErrors.Refuse(Errors.AccessDenied, "The person is not a member of the organisation asked for.")
            : Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult LoginPage(HttpContext http, IAntiforgery antiforgery, IStringLocalizer<PageText> text, string? returnUrl = null, string? error = null,
        int? status = null) =>
        Page(text["SignIn"], Error(error) + Form(http, antiforgery, "/account/login",
            Hidden("returnUrl", returnUrl)
            + Field("email", text["Email"], "email", autocomplete: "username")
            + Field("password", text["Password"], "password", autocomplete: "current-password"),
            text["SignIn"])
            + $"""<p class="links">{Link("/account/forgot-password", text["ForgotPassword"])}</p>""",
            status ?? (error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest));

    public static async Task<IResult> Login(
        HttpContext http, IAntiforgery antiforgery, UserManager<PlatformUser> users, IStringLocalizer<PageText> text, SignInThrottle throttle,
        [FromForm] string email, [FromForm] string password, [FromForm] string? returnUrl)
    {
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (throttle.WaitFor(address, email) is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return LoginPage(http, antiforgery, text, returnUrl, string.Format(System.Globalization.CultureInfo.CurrentCulture, text["TooManyAttempts"], (int)Math.Ceiling(wait.TotalMinutes)),
                StatusCodes.Status429TooManyRequests);
        }
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || !await users.CheckPasswordAsync(user, password))
        {
            throttle.Failed(address, email);
            return LoginPage(http, antiforgery, text, returnUrl, text["WrongCredentials"]);
        }
        if (!user.EmailConfirmed)
        {
            return LoginPage(http, antiforgery, text, returnUrl, text["ConfirmFirst"]);
        }
        var identity = new ClaimsIdentity(CookieScheme);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.DisplayName));
        await http.SignInAsync(CookieScheme, new ClaimsPrincipal(identity));
        // Only back into this site: an open redirect would lend our address to phishing.
        return Results.Redirect(LocalUrls.LocalOrHome(returnUrl, home: "/account/login?signedIn=true"));
    }

    /// <summary>
    /// Signing out (OpenID Connect RP-initiated logout): the sign-in cookie goes, and OpenIddict sends the person back
    /// to the client's registered post-logout address, or to a page that says they signed out.
    /// </summary>
    public static async Task<IResult> EndSession(HttpContext http, IStringLocalizer<PageText> text)
    {
        if (OAuthErrors.Local(http) is { } error)
        {
            return error;
        }
        await http.SignOutAsync(CookieScheme);
        var request = http.GetOpenIddictServerRequest();
        return string.IsNullOrEmpty(request?.PostLogoutRedirectUri)
            ? Page(text["SignedOut"], Notice(text["SignedOutNotice"]))
            : Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    public static async Task<IResult> ConfirmEmailPage(AccountService accounts, IStringLocalizer<PageText> text, string? personId, string? token)
    {
        try
        {
            await accounts.ConfirmEmailAsync(personId ?? "", token ?? "");
            return Page(text["EmailConfirmed"], Notice(text["EmailConfirmedNotice"]) + $"<p>{Link("/account/login", text["SignIn"])}</p>");
        }
        catch (CoCreation.ApiConventions.InvalidFieldException)
        {
            return Page(text["LinkBroken"], Error(text["LinkBrokenNotice"]) +
                $"<p>{Link("/account/forgot-password", text["GetNewLink"])}</p>", StatusCodes.Status400BadRequest);
        }
    }

    public static IResult ForgotPasswordPage(HttpContext http, IAntiforgery antiforgery, IStringLocalizer<PageText> text) =>
        Page(text["ForgotPassword"], $"<p>{Encode(text["ForgotPasswordLead"])}</p>" +
            Form(http, antiforgery, "/account/forgot-password", Field("email", text["Email"], "email", autocomplete: "email"), text["SendLink"]));

    public static async Task<IResult> ForgotPassword(AccountService accounts, IStringLocalizer<PageText> text, [FromForm] string email, CancellationToken cancellationToken)
    {
        await accounts.RequestPasswordResetAsync(email, cancellationToken);
        return Page(text["CheckEmail"], Notice(text["CheckEmailNotice"]));
    }

    public static IResult ResetPasswordPage(HttpContext http, IAntiforgery antiforgery, IStringLocalizer<PageText> text, string? personId, string? token, string? error = null) =>
        Page(text["ChooseNewPassword"], Error(error) + Form(http, antiforgery, "/account/reset-password",
            Hidden("personId", personId) + Hidden("token", token)
            + Field("newPassword", text["NewPassword"], "password", autocomplete: "new-password"),
            text["SavePassword"]), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    public static async Task<IResult> ResetPassword(
        HttpContext http, IAntiforgery antiforgery, AccountService accounts, IStringLocalizer<PageText> text,
        [FromForm] string personId, [FromForm] string token, [FromForm] string newPassword)
    {
        try
        {
            await accounts.ResetPasswordAsync(personId, token, newPassword);
            return Page(text["PasswordChanged"], Notice(text["PasswordChangedNotice"]) + $"<p>{Link("/account/login", text["SignIn"])}</p>");
        }
        catch (CoCreation.ApiConventions.InvalidFieldException invalid)
        {
            return ResetPasswordPage(http, antiforgery, text, personId, token, string.Join(" ", invalid.Errors.Values.SelectMany(m => m)));
        }
    }

}
