using CoCreation.ApiConventions;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;
using CoCreation.PartnerMatching.Infrastructure;
using CoCreation.PartnerMatching.Matching;
using CoCreation.PartnerMatching.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.PartnerMatching.Apis;

/// <summary>Organisation profiles: one per organisation, written by the organisation, found by everyone when published.</summary>
public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder routes)
    {
        var organisations = routes.MapGroup("/api/v1/organisations").WithTags("Organisations").WithRequestValidation().RequireScopeForWrites(ApiScopes.OrganisationsWrite);
        organisations.MapGet("/", ListOrganisations).WithName(nameof(ListOrganisations))
            .WithSummary("Published profiles by name; filters type, theme, competence (also offers), language, region, q (name)")
            .ProducesValidationProblem();
        organisations.MapPost("/", CreateProfile).WithName(nameof(CreateProfile))
            .WithSummary("Create the acting organisation's profile. Honours Idempotency-Key.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        organisations.MapGet("/{id:guid}", GetProfile).WithName(nameof(GetProfile)).WithSummary("Read one profile, with ETag");
        organisations.MapPut("/{id:guid}", UpdateProfile).WithName(nameof(UpdateProfile))
            .WithSummary("Replace the profile (its organisation; needs If-Match)").ProducesValidationProblem();
        organisations.MapGet("/{id:guid}/recommended-ideas", RecommendedIdeas).WithName(nameof(RecommendedIdeas))
            .WithSummary("Open ideas that suit the organisation, best first, each with the reasons for its score").ProducesValidationProblem();
        return routes;
    }

    public static async Task<Ok<CursorPage<OrganisationProfileResponse>>> ListOrganisations(
        PartnerMatchingDbContext db, CancellationToken cancellationToken,
        string? type = null, string? theme = null, string? competence = null, string? language = null, string? region = null, string? q = null,
        string? cursor = null, int? limit = null)
    {
        var page = Paging.Read<NameCursor>(cursor, limit);
        var profiles = db.Organisations.AsNoTracking().Where(o => o.Published);
        if (type is not null)
        {
            var wanted = KebabCase.Parse<OrganisationType>(type, "type");
            profiles = profiles.Where(o => o.Type == wanted);
        }
        if (theme is not null)
        {
            profiles = profiles.Where(o => o.Themes.Contains(theme));
        }
        if (competence is not null)
        {
            profiles = profiles.Where(o => o.Competences.Contains(competence) || o.Offers.Contains(competence));
        }
        if (language is not null)
        {
            profiles = profiles.Where(o => o.Languages.Contains(language));
        }
        if (region is not null)
        {
            profiles = profiles.Where(o => o.Region == region);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            profiles = profiles.Where(o => o.Name.Contains(q.Trim()));
        }
        if (page.After is { } after)
        {
            profiles = profiles.Where(o => o.Name.CompareTo(after.Name) > 0 || (o.Name == after.Name && o.Id.CompareTo(after.Id) > 0));
        }
        var rows = await profiles.OrderBy(o => o.Name).ThenBy(o => o.Id).Take(page.FetchCount).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ToPage(page, o => new NameCursor(o.Name, o.Id), OrganisationProfileResponse.From));
    }

    public static async Task<Results<CreatedOnce<OrganisationProfileResponse>, ForbiddenProblem>> CreateProfile(
        OrganisationProfileRequest request, ActingParty actor, HttpContext http, PartnerMatchingDbContext db, MatchingIndex index, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (actor.OrganisationId is not { } organisationId)
        {
            return Problems.NeedsOrganisation("Creating a profile");
        }
        OrganisationProfile? created = null;
        var result = await db.CreateOnceAsync(http, actor.PersonId, request, async () =>
        {
            if (await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
            {
                throw new RuleViolationException("This organisation already has a profile.", $"Change it with PUT /api/v1/organisations/{organisationId}.");
            }
            created = OrganisationProfile.Create(organisationId, request.ToContent(), clock.GetUtcNow().UtcDateTime);
            db.Organisations.Add(created);
            db.Publish(ProfileChanged(created));
            return new CreatedResource<OrganisationProfileResponse>($"/api/v1/organisations/{organisationId}", OrganisationProfileResponse.From(created));
        }, cancellationToken);
        if (created is not null)
        {
            index.Upsert(created); // read your own write at once; the refresher would within a second
        }
        return result;
    }

    public static async Task<Results<Ok<OrganisationProfileResponse>, NotModified, NotFoundProblem>> GetProfile(Guid id, ActingParty? actor, HttpContext http, PartnerMatchingDbContext db, CancellationToken cancellationToken)
    {
        var profile = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (profile is null || !(profile.Published || actor?.ActsFor(id) == true || actor?.IsModerator == true))
        {
            return Problems.NotFound("organisation", id);
        }
        return Preconditions.SetETagAndCheckNotModified(http, profile.Version)
            ? NotModified.Instance
            : TypedResults.Ok(OrganisationProfileResponse.From(profile));
    }

    public static async Task<Results<Ok<OrganisationProfileResponse>, ForbiddenProblem, NotFoundProblem, PreconditionProblem>> UpdateProfile(
        Guid id, OrganisationProfileRequest request, ActingParty actor, HttpContext http, PartnerMatchingDbContext db, MatchingIndex index, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!actor.ActsFor(id))
        {
            return Problems.OnlyOwnerOrganisation("profile");
        }
        var profile = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (profile is null)
        {
            return Problems.NotFound("organisation", id);
        }
        if (Preconditions.CheckIfMatch(http, profile.Version) is { } failed)
        {
            return failed;
        }
        profile.Update(request.ToContent(), clock.GetUtcNow().UtcDateTime);
        db.Publish(ProfileChanged(profile));
        await db.SaveChangesAsync(cancellationToken);
        index.Upsert(profile);
        http.Response.Headers.ETag = Preconditions.ETagFor(profile.Version);
        return TypedResults.Ok(OrganisationProfileResponse.From(profile));
    }

    public static async Task<Results<Ok<IReadOnlyList<IdeaRecommendation>>, NotFoundProblem>> RecommendedIdeas(Guid id, PartnerMatchingDbContext db, MatchingIndex index, CancellationToken cancellationToken, int? limit = null)
    {
        var count = MatchesApi.CheckLimit(limit);
        if (!await db.Organisations.AnyAsync(o => o.Id == id && o.Published, cancellationToken))
        {
            return Problems.NotFound("organisation", id);
        }
        return TypedResults.Ok(index.RecommendedIdeasFor(id, count));
    }

    /// <summary>Told with the change it reports, in the same commit, so a project's reference names the organisation as it is called.</summary>
    private static OrganisationProfileChanged ProfileChanged(OrganisationProfile p) =>
        new(p.Id, p.Name, p.Type.ToKebabCase(), new DateTimeOffset(p.UpdatedAt, TimeSpan.Zero));
}

public sealed record NameCursor(string Name, Guid Id);
