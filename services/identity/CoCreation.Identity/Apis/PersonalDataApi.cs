using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoCreation.ApiConventions;
using CoCreation.Identity.Accounts;
using CoCreation.Identity.Infrastructure;
using CoCreation.Identity.Model;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Identity.Apis;

/// <summary>
/// A person's rights over their data (GDPR articles 15, 17 and 20): one download of everything the platform holds
/// about them, gathered from every service by events, and the erasure of their account, after which their content
/// stays but is attributed to nobody.
/// </summary>
public static class PersonalDataApi
{
    public static IEndpointRouteBuilder MapPersonalDataApi(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup("/api/v1/me").WithTags("Personal data").WithRequestValidation().DisableAntiforgery();
        me.MapPost("/personal-data-exports", RequestExport).WithName(nameof(RequestExport))
            .WithSummary("Ask for everything the platform holds about you; the services answer within moments");
        me.MapGet("/personal-data-exports/{exportId:guid}", DownloadExport).WithName(nameof(DownloadExport))
            .WithSummary("Download the export as one JSON document; complete is false while services are still answering; kept 7 days");
        me.MapPost("/erasure", EraseAccount).WithName(nameof(EraseAccount))
            .WithSummary("Erase your account (give your password again); your content stays, attributed to nobody")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Accepted<PersonalDataExportResponse>, ForbiddenProblem>> RequestExport(
        ActingParty actor, AccountService accounts, IdentityServiceDbContext db, IConfiguration configuration, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(actor) is not { } user)
        {
            return AccountsApi.NotAPerson();
        }
        var export = new PersonalDataExport { Id = Guid.CreateVersion7(), PersonId = user.Id, RequestedAt = clock.GetUtcNow().UtcDateTime };
        db.PersonalDataExports.Add(export);
        db.Publish(new PersonalDataExportRequested(export.Id, user.Id, export.RequestedAt));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/v1/me/personal-data-exports/{export.Id}", await ResponseAsync(export, user, accounts, db, configuration, cancellationToken));
    }

    public static async Task<Results<Ok<PersonalDataExportResponse>, ForbiddenProblem, NotFoundProblem>> DownloadExport(
        Guid exportId, ActingParty actor, HttpContext http, AccountService accounts, IdentityServiceDbContext db, IConfiguration configuration,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(actor) is not { } user)
        {
            return AccountsApi.NotAPerson();
        }
        var oldestKept = PersonalDataExportRetention.OldestKept(configuration, clock);
        var export = await db.PersonalDataExports.AsNoTracking().Include(e => e.Parts)
            .FirstOrDefaultAsync(e => e.Id == exportId && e.PersonId == user.Id && e.RequestedAt >= oldestKept, cancellationToken);
        if (export is null)
        {
            return Problems.NotFound("personal data export", exportId);
        }
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"cocreation-personal-data-{export.RequestedAt:yyyy-MM-dd}.json\"";
        return TypedResults.Ok(await ResponseAsync(export, user, accounts, db, configuration, cancellationToken));
    }

    public static async Task<Results<NoContent, ForbiddenProblem>> EraseAccount(
        ErasureRequest request, ActingParty actor, AccountService accounts, UserManager<PlatformUser> users, IdentityServiceDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(actor) is not { } user)
        {
            return AccountsApi.NotAPerson();
        }
        if (!await users.CheckPasswordAsync(user, request.Password))
        {
            throw new InvalidFieldException("password", "The password is not right. Erasing an account needs it again.");
        }
        // An organisation with other members must keep someone who can manage it.
        var soleAdminOf = await (from mine in db.Memberships
                                 where mine.UserId == user.Id && mine.Role == OrganisationRole.OrganisationAdmin
                                 where !db.Memberships.Any(m => m.OrganisationId == mine.OrganisationId && m.UserId != user.Id && m.Role == OrganisationRole.OrganisationAdmin)
                                 where db.Memberships.Any(m => m.OrganisationId == mine.OrganisationId && m.UserId != user.Id)
                                 join organisation in db.Organisations on mine.OrganisationId equals organisation.Id
                                 select organisation.Name).ToListAsync(cancellationToken);
        if (soleAdminOf.Count > 0)
        {
            throw new RuleViolationException("You are the only admin of an organisation with other members.",
                $"Make another member admin of {string.Join(", ", soleAdminOf)} first.", field: "organisations");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.PersonalDataExports.RemoveRange(db.PersonalDataExports.Where(e => e.PersonId == user.Id));
        db.Publish(new PersonErased(user.Id, "erased-" + Guid.NewGuid().ToString("N"), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        AccountService.ThrowIfFailed(await users.DeleteAsync(user), "password"); // memberships go with the account
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The identity service's own part, computed now; the other services' parts as they answered.</summary>
    private static async Task<PersonalDataExportResponse> ResponseAsync(
        PersonalDataExport export, PlatformUser user, AccountService accounts, IdentityServiceDbContext db, IConfiguration configuration,
        CancellationToken cancellationToken)
    {
        var expected = configuration.GetSection("Identity:PersonalDataServices").Get<string[]>() ?? DefaultPersonalDataServices;
        var parts = new Dictionary<string, JsonNode?>
        {
            ["identity"] = JsonSerializer.SerializeToNode(new
            {
                account = new { user.Id, user.Email, user.DisplayName, user.EmailConfirmed, user.CreatedAt },
                roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(cancellationToken),
                organisations = await accounts.MembershipsAsync(user.Id, cancellationToken),
            }, CoCreation.IntegrationEvents.PlatformJson.Options),
        };
        foreach (var part in export.Parts.OrderBy(p => p.Service, StringComparer.Ordinal))
        {
            parts[part.Service] = JsonNode.Parse(part.DataJson);
        }
        var missing = expected.Where(s => !parts.ContainsKey(s)).ToList();
        var expiresAt = export.RequestedAt + configuration.GetValue(PersonalDataExportRetention.SettingName, PersonalDataExportRetention.Default);
        return new PersonalDataExportResponse(export.Id, export.RequestedAt, expiresAt, missing.Count == 0, missing, parts);
    }

    /// <summary>The services that hold data about people and answer an export, unless <c>Identity:PersonalDataServices</c> says otherwise.</summary>
    public static readonly string[] DefaultPersonalDataServices = ["ideas", "partner-matching", "projects", "notifications"];
}

public sealed record ErasureRequest([property: Required(AllowEmptyStrings = false), StringLength(200)] string Password);

/// <summary>An export; <c>ExpiresAt</c> is when it is deleted and can no longer be downloaded.</summary>
public sealed record PersonalDataExportResponse(
    Guid Id, DateTime RequestedAt, DateTime ExpiresAt, bool Complete, IReadOnlyList<string> Missing, IReadOnlyDictionary<string, JsonNode?> Data);
