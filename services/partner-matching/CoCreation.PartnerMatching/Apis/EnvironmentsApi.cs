using CoCreation.ApiConventions;
using CoCreation.Messaging;
using CoCreation.PartnerMatching.Infrastructure;
using CoCreation.PartnerMatching.Matching;
using CoCreation.PartnerMatching.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.PartnerMatching.Apis;

/// <summary>Real environments the city's units can host co-creation in; searchable, and part of matching.</summary>
public static class EnvironmentsApi
{
    public static IEndpointRouteBuilder MapEnvironmentsApi(this IEndpointRouteBuilder routes)
    {
        var environments = routes.MapGroup("/api/v1/environments").WithTags("Environments").WithRequestValidation().RequireScopeForWrites(ApiScopes.OrganisationsWrite);
        environments.MapGet("/", ListEnvironments).WithName(nameof(ListEnvironments))
            .WithSummary("Published environments by name; filters kind, area, ageGroup, availableOn (a date), organisation (your own: unpublished ones too)").ProducesValidationProblem();
        environments.MapPost("/", RegisterEnvironment).WithName(nameof(RegisterEnvironment))
            .WithSummary("Register an environment (city units). Honours Idempotency-Key.").ProducesValidationProblem();
        environments.MapGet("/{id:guid}", GetEnvironment).WithName(nameof(GetEnvironment)).WithSummary("Read one environment, with ETag");
        environments.MapPut("/{id:guid}", UpdateEnvironment).WithName(nameof(UpdateEnvironment))
            .WithSummary("Replace an environment (its city unit; needs If-Match)").ProducesValidationProblem();
        return routes;
    }

    public static async Task<Ok<CursorPage<EnvironmentResponse>>> ListEnvironments(
        ActingParty? actor, PartnerMatchingDbContext db, CancellationToken cancellationToken,
        string? kind = null, string? area = null, string? ageGroup = null, DateOnly? availableOn = null, Guid? organisation = null,
        string? cursor = null, int? limit = null)
    {
        var page = Paging.Read<NameCursor>(cursor, limit);
        // A city unit listing its own (?organisation=its id) sees its unpublished ones too; everyone else the published.
        var own = organisation is { } asked && actor?.ActsFor(asked) == true;
        var environments = db.Environments.AsNoTracking().Where(e => e.Published || (own && e.OwnerOrganisationId == organisation));
        if (kind is not null)
        {
            environments = environments.Where(e => e.Kind == kind);
        }
        if (area is not null)
        {
            environments = environments.Where(e => e.Area.Contains(area));
        }
        if (ageGroup is not null)
        {
            environments = environments.Where(e => e.AgeGroups.Contains(ageGroup));
        }
        if (availableOn is { } day)
        {
            environments = environments.Where(e => e.Availability.Any(w => w.From <= day && day <= w.To));
        }
        if (organisation is { } owner)
        {
            environments = environments.Where(e => e.OwnerOrganisationId == owner);
        }
        if (page.After is { } after)
        {
            environments = environments.Where(e => e.Name.CompareTo(after.Name) > 0 || (e.Name == after.Name && e.Id.CompareTo(after.Id) > 0));
        }
        var rows = await environments.OrderBy(e => e.Name).ThenBy(e => e.Id).Take(page.FetchCount).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ToPage(page, e => new NameCursor(e.Name, e.Id), EnvironmentResponse.From));
    }

    public static async Task<Results<CreatedOnce<EnvironmentResponse>, ForbiddenProblem>> RegisterEnvironment(
        EnvironmentRequest request, ActingParty actor, HttpContext http, PartnerMatchingDbContext db, MatchingIndex index, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!actor.ActsForCityUnit)
        {
            return Problems.Forbidden("Only city units register environments.", "Act for one of the city's units (a school, a library, a museum...).");
        }
        RealEnvironment? registered = null;
        var result = await db.CreateOnceAsync(http, actor.PersonId, request, () =>
        {
            registered = RealEnvironment.Register(actor.OrganisationId!.Value, request.ToContent(), clock.GetUtcNow().UtcDateTime);
            db.Environments.Add(registered);
            db.Publish(EnvironmentChanged(registered));
            return Task.FromResult(new CreatedResource<EnvironmentResponse>($"/api/v1/environments/{registered.Id}", EnvironmentResponse.From(registered)));
        }, cancellationToken);
        if (registered is not null)
        {
            index.Upsert(registered);
        }
        return result;
    }

    public static async Task<Results<Ok<EnvironmentResponse>, NotModified, NotFoundProblem>> GetEnvironment(Guid id, ActingParty? actor, HttpContext http, PartnerMatchingDbContext db, CancellationToken cancellationToken)
    {
        var environment = await db.Environments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (environment is null || !(environment.Published || actor?.ActsFor(environment.OwnerOrganisationId) == true))
        {
            return Problems.NotFound("environment", id);
        }
        return Preconditions.SetETagAndCheckNotModified(http, environment.Version)
            ? NotModified.Instance
            : TypedResults.Ok(EnvironmentResponse.From(environment));
    }

    public static async Task<Results<Ok<EnvironmentResponse>, NotFoundProblem, ForbiddenProblem, PreconditionProblem>> UpdateEnvironment(
        Guid id, EnvironmentRequest request, ActingParty actor, HttpContext http, PartnerMatchingDbContext db, MatchingIndex index, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var environment = await db.Environments.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (environment is null)
        {
            return Problems.NotFound("environment", id);
        }
        if (!actor.ActsFor(environment.OwnerOrganisationId))
        {
            return Problems.OnlyOwnerOrganisation("environment");
        }
        if (Preconditions.CheckIfMatch(http, environment.Version) is { } failed)
        {
            return failed;
        }
        environment.Update(request.ToContent(), clock.GetUtcNow().UtcDateTime);
        db.Publish(EnvironmentChanged(environment));
        await db.SaveChangesAsync(cancellationToken);
        index.Upsert(environment);
        http.Response.Headers.ETag = Preconditions.ETagFor(environment.Version);
        return TypedResults.Ok(EnvironmentResponse.From(environment));
    }

    /// <summary>Told with the change it reports, in the same commit, so projects know the places their activities can be.</summary>
    private static CoCreation.IntegrationEvents.EnvironmentChanged EnvironmentChanged(RealEnvironment e) =>
        new(e.Id, e.OwnerOrganisationId, e.Name, e.Kind, e.Published, new DateTimeOffset(e.UpdatedAt, TimeSpan.Zero));
}
