using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Security.Cryptography;
using CoCreation.ApiConventions;
using CoCreation.Identity.Accounts;
using CoCreation.Identity.Infrastructure;
using CoCreation.Identity.Model;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CoCreation.Identity.Apis;

/// <summary>
/// Who may act for an organisation: its members (people) and its API clients (systems). Organisation admins manage
/// both; administrators may step in. A client's secret is shown once, when created or rotated; OpenIddict keeps only
/// its hash.
/// </summary>
public static class OrganisationAccessApi
{
    public static IEndpointRouteBuilder MapOrganisationAccessApi(this IEndpointRouteBuilder routes)
    {
        var organisation = routes.MapGroup("/api/v1/organisations/{organisationId:guid}").WithTags("Organisation access")
            .WithRequestValidation().DisableAntiforgery();
        organisation.MapPut("/city-unit", SetCityUnit).WithName(nameof(SetCityUnit))
            .WithSummary("Say whether the organisation is one of the city's units, whose people and systems publish challenges (administrators)")
            .ProducesValidationProblem();
        organisation.MapGet("/members", ListMembers).WithName(nameof(ListMembers))
            .WithSummary("The organisation's members and their roles (members see them)");
        organisation.MapPost("/members", AddMember).WithName(nameof(AddMember))
            .WithSummary("Add a registered person by email as admin or member (organisation admins)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        organisation.MapPut("/members/{personId}", ChangeMemberRole).WithName(nameof(ChangeMemberRole))
            .WithSummary("Change a member's role (organisation admins)").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        organisation.MapDelete("/members/{personId}", RemoveMember).WithName(nameof(RemoveMember))
            .WithSummary("Remove a member (organisation admins), or leave (the member)").ProducesProblem(StatusCodes.Status409Conflict);
        organisation.MapGet("/clients", ListClients).WithName(nameof(ListClients))
            .WithSummary("The organisation's API clients, revoked ones included (organisation admins)");
        organisation.MapPost("/clients", CreateClient).WithName(nameof(CreateClient))
            .WithSummary("Create an API client (client credentials); the secret is in this response only")
            .ProducesValidationProblem();
        organisation.MapPost("/clients/{clientId}/secret", RotateClientSecret).WithName(nameof(RotateClientSecret))
            .WithSummary("Replace the client's secret; the old one stops working now, the new one is in this response only");
        organisation.MapDelete("/clients/{clientId}", RevokeClient).WithName(nameof(RevokeClient))
            .WithSummary("Revoke the client: it gets no more tokens (tokens already issued expire within the hour)");
        return routes;
    }

    public static async Task<Results<Ok<OrganisationResponse>, ForbiddenProblem, NotFoundProblem>> SetCityUnit(
        Guid organisationId, CityUnitRequest request, ActingParty actor, IdentityServiceDbContext db, CancellationToken cancellationToken)
    {
        if (!actor.Roles.Contains(PlatformRoles.Administrator))
        {
            return Problems.Forbidden("Only administrators say which organisations are city units.", "This action needs the administrator role.");
        }
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return Problems.NotFound("organisation", organisationId);
        }
        // Its people's and systems' tokens say so from their next refresh (within the hour).
        organisation.IsCityUnit = request.IsCityUnit!.Value;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new OrganisationResponse(organisation.Id, organisation.Name, organisation.IsCityUnit));
    }

    public static async Task<Results<Ok<List<MemberResponse>>, OrganisationAccessProblem>> ListMembers(Guid organisationId, ActingParty actor, IdentityServiceDbContext db, CancellationToken cancellationToken)
    {
        var access = await AccessOfAsync(actor, organisationId, db, cancellationToken);
        if (access.Member is null && !access.IsAdministrator)
        {
            return access.Problem;
        }
        var members = await (from membership in db.Memberships.AsNoTracking()
                             join user in db.Users.AsNoTracking() on membership.UserId equals user.Id
                             where membership.OrganisationId == organisationId
                             orderby user.DisplayName
                             select new { user.Id, user.DisplayName, membership.Role }).ToListAsync(cancellationToken);
        return TypedResults.Ok(members.Select(m => new MemberResponse(m.Id, m.DisplayName, m.Role.ToApiName())).ToList());
    }

    public static async Task<Results<Created<MemberResponse>, OrganisationAccessProblem>> AddMember(
        Guid organisationId, MemberRequest request, ActingParty actor, IdentityServiceDbContext db, UserManager<PlatformUser> users, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var access = await AccessOfAsync(actor, organisationId, db, cancellationToken);
        if (!access.MayAdminister)
        {
            return access.Problem;
        }
        var role = OrganisationRoleNames.Parse(request.Role, "role");
        var user = await users.FindByEmailAsync(request.Email.Trim())
            ?? throw new InvalidFieldException("email", "No account has this address. Ask the person to register first.");
        if (await db.Memberships.AnyAsync(m => m.OrganisationId == organisationId && m.UserId == user.Id, cancellationToken))
        {
            throw AlreadyMember();
        }
        db.Memberships.Add(new Membership { OrganisationId = organisationId, UserId = user.Id, Role = role });
        db.Publish(new MembershipChanged(organisationId, user.Id, role.ToApiName(), clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Added twice at the same moment: the membership's key kept the second out.
            throw AlreadyMember();
        }
        return TypedResults.Created($"/api/v1/organisations/{organisationId}/members/{user.Id}", new MemberResponse(user.Id, user.DisplayName, role.ToApiName()));
    }

    public static async Task<Results<Ok<MemberResponse>, OrganisationAccessProblem, NotFoundProblem>> ChangeMemberRole(
        Guid organisationId, string personId, MemberRoleRequest request, ActingParty actor, IdentityServiceDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var access = await AccessOfAsync(actor, organisationId, db, cancellationToken);
        if (!access.MayAdminister)
        {
            return access.Problem;
        }
        var role = OrganisationRoleNames.Parse(request.Role, "role");
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.OrganisationId == organisationId && m.UserId == personId, cancellationToken);
        if (membership is null)
        {
            return Problems.NotFound("member", personId);
        }
        if (role != OrganisationRole.OrganisationAdmin)
        {
            await EnsureAnotherAdminAsync(db, membership, cancellationToken);
        }
        membership.Role = role;
        db.Publish(new MembershipChanged(organisationId, personId, role.ToApiName(), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        var name = await db.Users.Where(u => u.Id == personId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        return TypedResults.Ok(new MemberResponse(personId, name, role.ToApiName()));
    }

    public static async Task<Results<NoContent, OrganisationAccessProblem, NotFoundProblem>> RemoveMember(
        Guid organisationId, string personId, ActingParty actor, IdentityServiceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var access = await AccessOfAsync(actor, organisationId, db, cancellationToken);
        var leaving = access.Member?.UserId == personId;
        if (!access.MayAdminister && !leaving)
        {
            return access.Problem;
        }
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.OrganisationId == organisationId && m.UserId == personId, cancellationToken);
        if (membership is null)
        {
            return Problems.NotFound("member", personId);
        }
        await EnsureAnotherAdminAsync(db, membership, cancellationToken);
        db.Memberships.Remove(membership);
        db.Publish(new MembershipChanged(organisationId, personId, Role: null, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<List<ClientResponse>>, OrganisationAccessProblem>> ListClients(Guid organisationId, ActingParty actor, IdentityServiceDbContext db, CancellationToken cancellationToken)
    {
        var access = await AccessOfAsync(actor, organisationId, db, cancellationToken);
        if (!access.MayAdminister)
        {
            return access.Problem;
        }
        var clients = await db.ApiClients.AsNoTracking().Where(c => c.OrganisationId == organisationId)
            .OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(clients.Select(ClientResponse.From).ToList());
    }

    public static async Task<Results<Created<ClientWithSecretResponse>, OrganisationAccessProblem>> CreateClient(
        Guid organisationId, ClientRequest request, ActingParty actor, HttpContext http, IdentityServiceDbContext db,
        IOpenIddictApplicationManager applications, TimeProvider clock, CancellationToken cancellationToken)
    {
        var access = await AccessOfAsync(actor, organisationId, db, cancellationToken);
        if (!access.MayAdminister)
        {
            return access.Problem;
        }
        var client = new ApiClient
        {
            ClientId = "client-" + RandomNumberGenerator.GetHexString(16, lowercase: true),
            OrganisationId = organisationId,
            Name = request.Name.Trim(),
            Scopes = [.. request.Scopes.Distinct()],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var secret = NewSecret();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        await applications.CreateAsync(ApplicationFor(client, secret), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        NeverCache(http);
        return TypedResults.Created($"/api/v1/organisations/{organisationId}/clients/{client.ClientId}", ClientWithSecretResponse.From(client, secret));
    }

    public static async Task<Results<Ok<ClientWithSecretResponse>, OrganisationAccessProblem, NotFoundProblem>> RotateClientSecret(
        Guid organisationId, string clientId, ActingParty actor, HttpContext http, IdentityServiceDbContext db,
        IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var access = await AccessOfAsync(actor, organisationId, db, cancellationToken);
        if (!access.MayAdminister)
        {
            return access.Problem;
        }
        var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId && c.OrganisationId == organisationId, cancellationToken);
        if (client is null || client.RevokedAt is not null || await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
        {
            return Problems.NotFound("active client", clientId);
        }
        var secret = NewSecret();
        await applications.UpdateAsync(application, secret, cancellationToken);
        NeverCache(http);
        return TypedResults.Ok(ClientWithSecretResponse.From(client, secret));
    }

    public static async Task<Results<NoContent, OrganisationAccessProblem, NotFoundProblem>> RevokeClient(
        Guid organisationId, string clientId, ActingParty actor, IdentityServiceDbContext db,
        IOpenIddictApplicationManager applications, TimeProvider clock, CancellationToken cancellationToken)
    {
        var access = await AccessOfAsync(actor, organisationId, db, cancellationToken);
        if (!access.MayAdminister)
        {
            return access.Problem;
        }
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.ClientId == clientId && c.OrganisationId == organisationId, cancellationToken);
        if (client is null)
        {
            return Problems.NotFound("client", clientId);
        }
        client.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application)
        {
            await applications.DeleteAsync(application, cancellationToken); // its secret and stored grants go with it
        }
        return TypedResults.NoContent();
    }

    /// <summary>The acting party's standing in the organisation, and the problem to answer when it is not enough.</summary>
    private static async Task<Access> AccessOfAsync(ActingParty actor, Guid organisationId, IdentityServiceDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            return new Access(null, false, new OrganisationAccessProblem(Problems.NotFound("organisation", organisationId)));
        }
        var member = await db.Memberships.AsNoTracking()
            .FirstOrDefaultAsync(m => m.OrganisationId == organisationId && m.UserId == actor.PersonId, cancellationToken);
        return new Access(member, actor.Roles.Contains(PlatformRoles.Administrator), new OrganisationAccessProblem(Problems.Forbidden(
            "Only the organisation's admins may do that (its members may list the members).",
            "Sign in as an admin of this organisation; partner systems cannot manage members or clients.")));
    }

    private sealed record Access(Membership? Member, bool IsAdministrator, OrganisationAccessProblem Problem)
    {
        public bool MayAdminister => IsAdministrator || Member?.Role == OrganisationRole.OrganisationAdmin;
    }

    private static RuleViolationException AlreadyMember() => new("This person is already a member.", "Change their role instead.", field: "email");

    /// <summary>An organisation always keeps an admin, so that someone can manage it.</summary>
    private static async Task EnsureAnotherAdminAsync(IdentityServiceDbContext db, Membership membership, CancellationToken cancellationToken)
    {
        if (membership.Role == OrganisationRole.OrganisationAdmin && !await db.Memberships.AnyAsync(
                m => m.OrganisationId == membership.OrganisationId && m.UserId != membership.UserId && m.Role == OrganisationRole.OrganisationAdmin,
                cancellationToken))
        {
            throw new RuleViolationException("An organisation needs an admin.", "Make another member an admin first.", field: "personId");
        }
    }

    public static OpenIddictApplicationDescriptor ApplicationFor(ApiClient client, string secret)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = client.Name,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in client.Scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        return descriptor;
    }

    /// <summary>256 random bits, URL-safe: nothing to guess, nothing to escape.</summary>
    private static string NewSecret() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A response with a secret must not stay in any cache.</summary>
    private static void NeverCache(HttpContext http) => http.Response.Headers.CacheControl = "no-store";
}

public sealed record MemberRequest(
    [property: Required, EmailAddress, StringLength(256)] string Email,
    [property: Required(AllowEmptyStrings = false)] string Role);

public sealed record CityUnitRequest([property: Required] bool? IsCityUnit);

public sealed record MemberRoleRequest([property: Required(AllowEmptyStrings = false)] string Role);

public sealed record MemberResponse(string PersonId, string DisplayName, string Role);

public sealed record ClientRequest(
    [property: Required(AllowEmptyStrings = false), StringLength(200), VisibleText] string Name,
    [property: Required, MinLength(1, ErrorMessage = "Give the client at least one scope."), KnownScopes] IReadOnlyList<string> Scopes);

public sealed record ClientResponse(string ClientId, string Name, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime? RevokedAt)
{
    public static ClientResponse From(ApiClient client) => new(client.ClientId, client.Name, client.Scopes, client.CreatedAt, client.RevokedAt);
}

public sealed record ClientWithSecretResponse(string ClientId, string ClientSecret, string Name, IReadOnlyList<string> Scopes, DateTime CreatedAt)
{
    public static ClientWithSecretResponse From(ApiClient client, string secret) => new(client.ClientId, secret, client.Name, client.Scopes, client.CreatedAt);
}

/// <summary>Only the platform's API scopes (see <see cref="ApiScopes"/>) can be given to a client.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class KnownScopesAttribute() : KnownNamesAttribute("scopes")
{
    protected override IReadOnlyCollection<string> Known => [.. ApiScopes.All];
}

/// <summary>What an organisation's access check answers: 404 (no such organisation) or 403 (the caller may not do this there).</summary>
public sealed class OrganisationAccessProblem(TypedProblem problem) : TypedProblem(TypedResults.Problem(problem.ProblemDetails)), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe(builder, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
}
