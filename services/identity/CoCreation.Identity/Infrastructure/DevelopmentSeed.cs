using CoCreation.ApiConventions;
using CoCreation.Identity.Model;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CoCreation.Identity.Infrastructure;

/// <summary>
/// Development only: a demo organisation and one API client, so that the API guide's first steps work on a fresh
/// local run. The client's secret is never committed: it comes from <c>Identity:DemoClientSecret</c> (the local run
/// generates one into its data folder) and is logged once at start-up.
/// </summary>
public static class DevelopmentSeed
{
    public const string DemoClientId = "demo-partner";
    public static readonly Guid DemoOrganisationId = Guid.Parse("de305d54-75b4-431b-adb2-eb6b9e546014");

    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        var secret = configuration["Identity:DemoClientSecret"];
        if (string.IsNullOrEmpty(secret))
        {
            logger.LogInformation("No Identity:DemoClientSecret: the demo API client is not seeded");
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityServiceDbContext>();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (!await db.Organisations.AnyAsync(o => o.Id == DemoOrganisationId))
        {
            db.Organisations.Add(new Organisation { Id = DemoOrganisationId, Name = "Demo partner company", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        if (await applications.FindByClientIdAsync(DemoClientId) is { } existing)
        {
            await applications.DeleteAsync(existing); // the secret may have changed; OpenIddict keeps only its hash
        }
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = DemoClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Demo partner system",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var apiScope in ApiScopes.All)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + apiScope);
        }
        await applications.CreateAsync(descriptor);
        if (await db.ApiClients.FindAsync(DemoClientId) is null)
        {
            db.ApiClients.Add(new ApiClient
            {
                ClientId = DemoClientId,
                OrganisationId = DemoOrganisationId,
                Name = "Demo partner system",
                Scopes = [.. ApiScopes.All],
                CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        logger.LogInformation("Development API client ready: client_id {ClientId}, organisation {OrganisationId} (secret from Identity:DemoClientSecret)",
            DemoClientId, DemoOrganisationId);
    }
}
