using CoCreation.ApiConventions;
using CoCreation.Identity.Infrastructure;
using CoCreation.Identity.Model;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Identity.Accounts;

/// <summary>
/// People's accounts: registration, email confirmation and password reset. The API and the sign-in pages both come
/// here, so the rules hold whichever way a person arrives. Every change commits together with the event that tells
/// the notifications service to send the mail.
/// </summary>
public sealed class AccountService(
    IdentityServiceDbContext db, UserManager<PlatformUser> users, AccountLinks links, TimeProvider clock)
{
    public async Task<PlatformUser> RegisterAsync(string email, string password, string displayName, string? language, CancellationToken cancellationToken)
    {
        var user = new PlatformUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            DisplayName = displayName.Trim(),
            Language = language,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            ThrowIfFailed(await users.CreateAsync(user, password), passwordField: "password");
        }
        catch (DbUpdateException)
        {
            // Two registrations of one address at the same moment: the unique user name kept the second out.
            throw TakenAddress();
        }
        await PublishConfirmationAsync(user);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    /// <summary>The name others see and the language of the platform's pages and mails, as the person chose them.</summary>
    public async Task UpdateProfileAsync(PlatformUser user, string displayName, string language)
    {
        user.DisplayName = displayName.Trim();
        user.Language = language;
        ThrowIfFailed(await users.UpdateAsync(user), passwordField: "password");
    }

    /// <summary>Sends the confirmation link again; says nothing about whether the address has an account.</summary>
    public async Task ResendConfirmationAsync(string email, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email.Trim()) is { EmailConfirmed: false } user)
        {
            await PublishConfirmationAsync(user);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task ConfirmEmailAsync(string personId, string token)
    {
        var user = await users.FindByIdAsync(personId) ?? throw InvalidLink();
        if (!(await users.ConfirmEmailAsync(user, token)).Succeeded)
        {
            throw InvalidLink();
        }
    }

    /// <summary>Sends a reset link if the address has an account; the answer is the same either way.</summary>
    public async Task RequestPasswordResetAsync(string email, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email.Trim()) is { } user)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            db.Publish(new PasswordResetRequested(
                user.Id, user.Email!, user.DisplayName, links.ResetPassword(user.Id, token), clock.GetUtcNow().UtcDateTime, PersonLanguages.Of(user)));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task ResetPasswordAsync(string personId, string token, string newPassword)
    {
        var user = await users.FindByIdAsync(personId) ?? throw InvalidLink();
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            throw InvalidLink();
        }
        ThrowIfFailed(result, passwordField: "newPassword");
        // A reset also proves the person reads the address.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
    }

    /// <summary>The account behind a person's token or a development header; null for a partner system or an erased account.</summary>
    public async Task<PlatformUser?> FindAsync(ActingParty actor) =>
        actor.PersonId.StartsWith(TokenSubjects.ClientPrefix, StringComparison.Ordinal) ? null : await users.FindByIdAsync(actor.PersonId);

    public async Task<IReadOnlyList<MembershipView>> MembershipsAsync(string personId, CancellationToken cancellationToken) =>
        await (from membership in db.Memberships.AsNoTracking()
               join organisation in db.Organisations.AsNoTracking() on membership.OrganisationId equals organisation.Id
               where membership.UserId == personId
               orderby organisation.Name
               select new MembershipView(organisation.Id, organisation.Name, membership.Role, organisation.IsCityUnit))
            .ToListAsync(cancellationToken);

    private async Task PublishConfirmationAsync(PlatformUser user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        db.Publish(new EmailConfirmationRequested(
            user.Id, user.Email!, user.DisplayName, links.ConfirmEmail(user.Id, token), clock.GetUtcNow().UtcDateTime, PersonLanguages.Of(user)));
    }

    private static RuleViolationException TakenAddress() =>
        new("This email address already has an account.", "Sign in, or reset the password if it is forgotten.", field: "email");

    private static InvalidFieldException InvalidLink() =>
        new("token", "This link is not valid or has expired. Ask for a new one.");

    /// <summary>Identity's errors as problems naming the request field: a taken address is a 409, the rest 400s.</summary>
    public static void ThrowIfFailed(IdentityResult result, string passwordField)
    {
        if (result.Succeeded)
        {
            return;
        }
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            throw TakenAddress();
        }
        var errors = result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                : "request")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        throw new InvalidFieldException(errors);
    }
}

public sealed record MembershipView(Guid OrganisationId, string Name, OrganisationRole Role, bool IsCityUnit);

/// <summary>How a token names its subject: a person by their account id, a partner system as <c>client:&lt;id&gt;</c>.</summary>
public static class TokenSubjects
{
    public const string ClientPrefix = "client:";
}

/// <summary>
/// Links in account emails. They point at the address people reach (<c>Identity:PublicBaseUrl</c>, the gateway), not
/// at this service's own address behind it.
/// </summary>
public sealed class AccountLinks(IConfiguration configuration)
{
    private string BaseUrl => (configuration["Identity:PublicBaseUrl"] ?? configuration["Identity:Issuer"]
        ?? throw new InvalidOperationException("Set Identity:PublicBaseUrl to the address people reach the platform at.")).TrimEnd('/');

    public string ConfirmEmail(string personId, string token) =>
        $"{BaseUrl}/account/confirm-email?personId={Uri.EscapeDataString(personId)}&token={Uri.EscapeDataString(token)}";

    public string ResetPassword(string personId, string token) =>
        $"{BaseUrl}/account/reset-password?personId={Uri.EscapeDataString(personId)}&token={Uri.EscapeDataString(token)}";
}

/// <summary>Refuses passwords that are common or contain the person's own address: length alone does not make them strong.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PlatformUser>
{
    // The most used passwords of twelve characters or more in public breach lists.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "password1234", "password12345", "passwordpassword",
        "qwertyuiopas", "qwertyuiop123", "qwerty123456", "1q2w3e4r5t6y", "iloveyou1234", "abcdefghijkl",
        "aaaaaaaaaaaa", "111111111111", "000000000000", "salasana1234", "salasanasalasana", "letmein12345",
        "welcome12345", "administrator", "changeme1234", "football1234", "sunshine1234", "princess1234",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<PlatformUser> manager, PlatformUser user, string? password)
    {
        password ??= "";
        var localPart = user.Email?.Split('@')[0] ?? "";
        if (Common.Contains(password) || password.Distinct().Count() < 4)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon", Description = "This password is among the most used ones. Choose another, for example three unrelated words.",
            }));
        }
        if (localPart.Length >= 4 && password.Contains(localPart, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordContainsEmail", Description = "The password must not contain your email address.",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
