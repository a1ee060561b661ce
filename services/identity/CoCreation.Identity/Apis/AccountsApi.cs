using System.ComponentModel.DataAnnotations;
using CoCreation.ApiConventions;
using CoCreation.Identity.Accounts;
using CoCreation.Identity.Infrastructure;
using CoCreation.Identity.Model;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace CoCreation.Identity.Apis;

/// <summary>People's accounts over the API: registration, email confirmation, password reset, one's own account, platform roles.</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder routes)
    {
        var accounts = routes.MapGroup("/api/v1/accounts").WithTags("Accounts").WithRequestValidation().DisableAntiforgery();
        accounts.MapPost("/", Register).WithName(nameof(Register))
            .WithSummary("Register a person; a link to confirm the address is mailed (logged in Development)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        accounts.MapPost("/email-confirmation", ConfirmEmail).WithName(nameof(ConfirmEmail))
            .WithSummary("Confirm an address with the person id and token from the link").ProducesValidationProblem();
        accounts.MapPost("/email-confirmation/resend", ResendConfirmation).WithName(nameof(ResendConfirmation))
            .WithSummary("Mail the confirmation link again (the answer is the same for any address)").ProducesValidationProblem();
        accounts.MapPost("/password-reset", RequestPasswordReset).WithName(nameof(RequestPasswordReset))
            .WithSummary("Mail a link to choose a new password (the answer is the same for any address)").ProducesValidationProblem();
        accounts.MapPost("/password-reset/confirm", ResetPassword).WithName(nameof(ResetPassword))
            .WithSummary("Choose a new password with the person id and token from the link").ProducesValidationProblem();
        accounts.MapGet("/", FindAccount).WithName(nameof(FindAccount))
            .WithSummary("Find a person's account by email address: roles and organisations (administrators)").ProducesValidationProblem();
        accounts.MapPut("/{personId}/roles", SetPlatformRoles).WithName(nameof(SetPlatformRoles))
            .WithSummary("Set a person's platform roles (administrators)").ProducesValidationProblem();

        // The acting person's own resources: /api/v1/me, as the public API's contract names it.
        var me = routes.MapGroup("/api/v1/me").WithTags("Accounts").WithRequestValidation().DisableAntiforgery();
        me.MapGet("/", GetMyAccount).WithName(nameof(GetMyAccount))
            .WithSummary("The acting person's account: profile, platform roles, organisations");
        me.MapPut("/", UpdateMyProfile).WithName(nameof(UpdateMyProfile))
            .WithSummary("Change the acting person's display name and language (fi, sv or en)").ProducesValidationProblem();
        me.MapPost("/organisations", CreateOrganisation).WithName(nameof(CreateOrganisation))
            .WithSummary("Register an organisation; the acting person becomes its admin").ProducesValidationProblem();
        return routes;
    }

    public static async Task<Created<AccountResponse>> Register(RegistrationRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        var user = await accounts.RegisterAsync(request.Email, request.Password, request.DisplayName, request.Language, cancellationToken);
        return TypedResults.Created("/api/v1/me", AccountResponse.From(user, [], []));
    }

    public static async Task<NoContent> ConfirmEmail(EmailConfirmationRequest request, AccountService accounts)
    {
        await accounts.ConfirmEmailAsync(request.PersonId, request.Token);
        return TypedResults.NoContent();
    }

    public static async Task<Accepted> ResendConfirmation(EmailRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        await accounts.ResendConfirmationAsync(request.Email, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Accepted> RequestPasswordReset(EmailRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        await accounts.RequestPasswordResetAsync(request.Email, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<NoContent> ResetPassword(PasswordResetRequest request, AccountService accounts)
    {
        await accounts.ResetPasswordAsync(request.PersonId, request.Token, request.NewPassword);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<AccountResponse>, ForbiddenProblem>> GetMyAccount(ActingParty actor, AccountService accounts, UserManager<PlatformUser> users, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(actor) is not { } user)
        {
            return NotAPerson();
        }
        return TypedResults.Ok(AccountResponse.From(user, await users.GetRolesAsync(user), await accounts.MembershipsAsync(user.Id, cancellationToken)));
    }

    public static async Task<Results<Ok<AccountResponse>, ForbiddenProblem>> UpdateMyProfile(
        ProfileRequest request, ActingParty actor, AccountService accounts, UserManager<PlatformUser> users, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(actor) is not { } user)
        {
            return NotAPerson();
        }
        await accounts.UpdateProfileAsync(user, request.DisplayName, request.Language);
        return TypedResults.Ok(AccountResponse.From(user, await users.GetRolesAsync(user), await accounts.MembershipsAsync(user.Id, cancellationToken)));
    }

    public static async Task<Results<Created<OrganisationResponse>, ForbiddenProblem>> CreateOrganisation(
        OrganisationRequest request, ActingParty actor, AccountService accounts, IdentityServiceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(actor) is not { } user)
        {
            return NotAPerson();
        }
        var organisation = new Organisation { Id = Guid.CreateVersion7(), Name = request.Name.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Organisations.Add(organisation);
        db.Memberships.Add(new Membership { OrganisationId = organisation.Id, UserId = user.Id, Role = OrganisationRole.OrganisationAdmin });
        db.Publish(new MembershipChanged(organisation.Id, user.Id, OrganisationRole.OrganisationAdmin.ToApiName(), organisation.CreatedAt));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/organisations/{organisation.Id}/members", new OrganisationResponse(organisation.Id, organisation.Name, organisation.IsCityUnit));
    }

    public static async Task<Results<Ok<AccountResponse>, ForbiddenProblem, NotFoundProblem>> FindAccount(
        ActingParty actor, AccountService accounts, UserManager<PlatformUser> users, CancellationToken cancellationToken, string? email = null)
    {
        if (!actor.Roles.Contains(PlatformRoles.Administrator))
        {
            return Problems.Forbidden("Only administrators look people up.", "This action needs the administrator role.");
        }
        if (string.IsNullOrWhiteSpace(email))
        {
            throw new InvalidFieldException("email", "Give the address of the account to find.");
        }
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return new NotFoundProblem(TypedResults.Problem(title: "No account has this address.",
                detail: "Check the spelling; the person may not have registered yet.", statusCode: StatusCodes.Status404NotFound));
        }
        return TypedResults.Ok(AccountResponse.From(user, await users.GetRolesAsync(user), await accounts.MembershipsAsync(user.Id, cancellationToken)));
    }

    public static async Task<Results<Ok<AccountResponse>, ForbiddenProblem, NotFoundProblem>> SetPlatformRoles(
        string personId, PlatformRolesRequest request, ActingParty actor, AccountService accounts, UserManager<PlatformUser> users, CancellationToken cancellationToken)
    {
        if (!actor.Roles.Contains(PlatformRoles.Administrator))
        {
            return Problems.Forbidden("Only administrators set platform roles.", "This action needs the administrator role.");
        }
        var user = await users.FindByIdAsync(personId);
        if (user is null)
        {
            return Problems.NotFound("account", personId);
        }
        var current = await users.GetRolesAsync(user);
        AccountService.ThrowIfFailed(await users.RemoveFromRolesAsync(user, current.Except(request.Roles)), "roles");
        AccountService.ThrowIfFailed(await users.AddToRolesAsync(user, request.Roles.Except(current)), "roles");
        return TypedResults.Ok(AccountResponse.From(user, request.Roles, await accounts.MembershipsAsync(user.Id, cancellationToken)));
    }

    public static ForbiddenProblem NotAPerson() => Problems.Forbidden(
        "This is for people's accounts.", "Sign in as a person: a partner system's token, or a person whose account was erased, has no account here.");
}

public sealed record RegistrationRequest(
    [property: Required, EmailAddress, StringLength(256)] string Email,
    [property: Required(AllowEmptyStrings = false), StringLength(200, MinimumLength = 12)] string Password,
    [property: Required(AllowEmptyStrings = false), StringLength(200), VisibleText] string DisplayName,
    [property: AllowedValues(null, "fi", "sv", "en", ErrorMessage = PersonLanguages.Invalid)] string? Language = null);

public sealed record ProfileRequest(
    [property: Required(AllowEmptyStrings = false), StringLength(200), VisibleText] string DisplayName,
    [property: Required, AllowedValues("fi", "sv", "en", ErrorMessage = PersonLanguages.Invalid)] string Language);

public sealed record EmailRequest([property: Required, EmailAddress, StringLength(256)] string Email);

public sealed record EmailConfirmationRequest(
    [property: Required(AllowEmptyStrings = false), StringLength(450)] string PersonId,
    [property: Required(AllowEmptyStrings = false), StringLength(2000)] string Token);

public sealed record PasswordResetRequest(
    [property: Required(AllowEmptyStrings = false), StringLength(450)] string PersonId,
    [property: Required(AllowEmptyStrings = false), StringLength(2000)] string Token,
    [property: Required(AllowEmptyStrings = false), StringLength(200, MinimumLength = 12)] string NewPassword);

public sealed record OrganisationRequest([property: Required(AllowEmptyStrings = false), StringLength(200), VisibleText] string Name);

public sealed record PlatformRolesRequest([property: Required, PlatformRoleNames] IReadOnlyList<string> Roles);

/// <summary>The roles a person can be given: administrator and moderator (city unit belongs to an organisation).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PlatformRoleNamesAttribute() : KnownNamesAttribute("roles")
{
    protected override IReadOnlyCollection<string> Known => [.. IdentityServiceDbContext.PlatformRoleRows.Select(row => row.Name!)];
}

public sealed record AccountResponse(
    string Id, string Email, string DisplayName, string? Language, bool EmailConfirmed, IReadOnlyList<string> Roles, IReadOnlyList<MembershipResponse> Organisations)
{
    public static AccountResponse From(PlatformUser user, IEnumerable<string> roles, IEnumerable<MembershipView> memberships) => new(
        user.Id, user.Email!, user.DisplayName, user.Language, user.EmailConfirmed, [.. roles.Order()],
        [.. memberships.Select(m => new MembershipResponse(m.OrganisationId, m.Name, m.Role.ToApiName(), m.IsCityUnit))]);
}

public sealed record MembershipResponse(Guid OrganisationId, string Name, string Role, bool IsCityUnit);

public sealed record OrganisationResponse(Guid Id, string Name, bool IsCityUnit);

public static class OrganisationRoleNames
{
    public static string ToApiName(this OrganisationRole role) => role == OrganisationRole.OrganisationAdmin ? "admin" : "member";

    public static OrganisationRole Parse(string value, string field) => value switch
    {
        "admin" => OrganisationRole.OrganisationAdmin,
        "member" => OrganisationRole.Member,
        _ => throw new InvalidFieldException(field, "The role is admin or member."),
    };
}
