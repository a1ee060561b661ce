using CoCreation.ApiConventions;
using CoCreation.Identity.Accounts;
using CoCreation.Identity.Apis;
using CoCreation.Identity.Model;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace CoCreation.Identity.Infrastructure;

/// <summary>
/// Development only: demo organisations, people in each role and one API client, so that the API guide's first steps
/// work on a fresh local run (docs/api-guide.md lists them). No secret is committed: the client's secret comes from
/// <c>Identity:DemoClientSecret</c> and the people's password from <c>Identity:DemoUserPassword</c>; the local run
/// generates both into its data folder.
/// </summary>
public static class DevelopmentSeed
{
    public const string DemoClientId = "demo-partner";
    public static readonly Guid DemoOrganisationId = Guid.Parse("de305d54-75b4-431b-adb2-eb6b9e546014");
    public static readonly Guid DemoSchoolId = Guid.Parse("5c3d2b1a-0f9e-4d8c-b7a6-958473625140");

    /// <summary>The demo people: address, name, platform role, organisation and role in it.</summary>
    public static readonly IReadOnlyList<(string Email, string Name, string? PlatformRole, Guid? Organisation, OrganisationRole Role)> DemoPeople =
    [
        ("admin@cocreation.test", "Ada Administrator", PlatformRoles.Administrator, null, OrganisationRole.Member),
        ("moderator@cocreation.test", "Mona Moderator", PlatformRoles.Moderator, null, OrganisationRole.Member),
        ("partner-admin@cocreation.test", "Paula Partner", null, DemoOrganisationId, OrganisationRole.OrganisationAdmin),
        ("partner-member@cocreation.test", "Pekka Partner", null, DemoOrganisationId, OrganisationRole.Member),
        ("school@cocreation.test", "Sanna School", null, DemoSchoolId, OrganisationRole.OrganisationAdmin),
        ("resident@cocreation.test", "Riku Resident", null, null, OrganisationRole.Member),
    ];

    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityServiceDbContext>();
        await EnsureOrganisationAsync(db, DemoOrganisationId, "Demo partner company", isCityUnit: false);
        await EnsureOrganisationAsync(db, DemoSchoolId, "Demo school", isCityUnit: true);

        if (configuration["Identity:DemoUserPassword"] is { Length: > 0 } password)
        {
            await SeedPeopleAsync(scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>(), db, password);
            logger.LogInformation("Development people ready: {People} (password from Identity:DemoUserPassword)",
                string.Join(", ", DemoPeople.Select(p => p.Email)));
        }
        if (configuration["Identity:DemoClientSecret"] is { Length: > 0 } secret)
        {
            await SeedClientAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), db, secret);
            logger.LogInformation("Development API client ready: client_id {ClientId}, organisation {OrganisationId} (secret from Identity:DemoClientSecret)",
                DemoClientId, DemoOrganisationId);
        }
    }

    private static async Task EnsureOrganisationAsync(IdentityServiceDbContext db, Guid id, string name, bool isCityUnit)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == id))
        {
            db.Organisations.Add(new Organisation { Id = id, Name = name, IsCityUnit = isCityUnit, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
    }

    private static async Task SeedPeopleAsync(UserManager<PlatformUser> users, IdentityServiceDbContext db, string password)
    {
        foreach (var (email, name, platformRole, organisation, role) in DemoPeople)
        {
            if (await users.FindByEmailAsync(email) is { } existing)
            {
                // The data folder may be older than the password (generated anew after the user secrets were
                // cleared): the demo people always sign in with the one the AppHost gives now.
                if (!await users.CheckPasswordAsync(existing, password))
                {
                    AccountService.ThrowIfFailed(await users.ResetPasswordAsync(existing, await users.GeneratePasswordResetTokenAsync(existing), password), "Identity:DemoUserPassword");
                    await users.SetLockoutEndDateAsync(existing, null);
                }
                continue;
            }
            var user = new PlatformUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTime.UtcNow };
            AccountService.ThrowIfFailed(await users.CreateAsync(user, password), "Identity:DemoUserPassword");
            if (platformRole is not null)
            {
                await users.AddToRoleAsync(user, platformRole);
            }
            if (organisation is { } organisationId)
            {
                db.Memberships.Add(new Membership { OrganisationId = organisationId, UserId = user.Id, Role = role });
                db.Publish(new MembershipChanged(organisationId, user.Id, role.ToApiName(), DateTime.UtcNow));
                await db.SaveChangesAsync();
            }
        }
    }

    private static async Task SeedClientAsync(IOpenIddictApplicationManager applications, IdentityServiceDbContext db, string secret)
    {
        var client = await db.ApiClients.FindAsync(DemoClientId);
        if (client is null)
        {
            client = new ApiClient
            {
                ClientId = DemoClientId, OrganisationId = DemoOrganisationId, Name = "Demo partner system", Scopes = [.. ApiScopes.All], CreatedAt = DateTime.UtcNow,
            };
            db.ApiClients.Add(client);
            await db.SaveChangesAsync();
        }
        if (await applications.FindByClientIdAsync(DemoClientId) is { } existing)
        {
            await applications.DeleteAsync(existing); // the secret may have changed; OpenIddict keeps only its hash
        }
        await applications.CreateAsync(OrganisationAccessApi.ApplicationFor(client, secret));
    }
}
