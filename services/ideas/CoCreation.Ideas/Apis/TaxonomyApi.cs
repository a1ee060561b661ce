using System.ComponentModel.DataAnnotations;
using CoCreation.ApiConventions;
using CoCreation.Ideas.Infrastructure;
using CoCreation.Ideas.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Ideas.Apis;

/// <summary>The managed taxonomy: themes, environment kinds and age groups, named in Finnish, Swedish and English.</summary>
public static class TaxonomyApi
{
    public static IEndpointRouteBuilder MapTaxonomyApi(this IEndpointRouteBuilder routes)
    {
        var taxonomy = routes.MapGroup("/api/v1/taxonomy").WithTags("Taxonomy").WithRequestValidation().RequireScopeForWrites(ApiScopes.IdeasWrite);
        taxonomy.MapGet("/", ListTaxonomy).WithName(nameof(ListTaxonomy))
            .WithSummary("Every term by facet; retired terms only with ?includeRetired=true");
        taxonomy.MapPut("/{facet}/{code}", PutTerm).WithName(nameof(PutTerm))
            .WithSummary("Add or rename a term, or retire or reinstate it (moderators)").ProducesValidationProblem();
        // The themes on their own, as the public API's contract names them: what most clients need to show and filter by.
        routes.MapGet("/api/v1/themes", ListThemes).WithTags("Taxonomy").WithName(nameof(ListThemes))
            .WithSummary("The current themes, in their order, named in fi, sv and en");
        return routes;
    }

    public static async Task<Ok<List<TaxonomyTermResponse>>> ListThemes(IdeasDbContext db, CancellationToken cancellationToken)
    {
        var themes = await db.TaxonomyTerms.AsNoTracking().Where(t => t.Facet == TaxonomyFacet.Theme && !t.Retired)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(themes.Select(TaxonomyTermResponse.From).ToList());
    }

    public static async Task<Ok<TaxonomyResponse>> ListTaxonomy(IdeasDbContext db, CancellationToken cancellationToken, bool includeRetired = false)
    {
        var terms = await db.TaxonomyTerms.AsNoTracking().Where(t => includeRetired || !t.Retired).ToListAsync(cancellationToken);
        List<TaxonomyTermResponse> Of(TaxonomyFacet facet) =>
            [.. terms.Where(t => t.Facet == facet).OrderBy(t => t.SortOrder).ThenBy(t => t.Code).Select(TaxonomyTermResponse.From)];
        return TypedResults.Ok(new TaxonomyResponse(Of(TaxonomyFacet.Theme), Of(TaxonomyFacet.Environment), Of(TaxonomyFacet.AgeGroup)));
    }

    public static async Task<Results<Ok<TaxonomyTermResponse>, ForbiddenProblem>> PutTerm(
        string facet, string code, TaxonomyTermRequest request, ActingParty actor, IdeasDbContext db, CancellationToken cancellationToken)
    {
        if (!actor.IsModerator)
        {
            return Problems.OnlyModerators();
        }
        var parsedFacet = KebabCase.Parse<TaxonomyFacet>(facet, "facet");
        if (!TaxonomyTermRequest.IsCode(code))
        {
            throw new InvalidFieldException("code", "A code is 2 to 100 lower-case letters, digits and hyphens, such as 'urban-gardening'.");
        }
        var term = await db.TaxonomyTerms.FirstOrDefaultAsync(t => t.Facet == parsedFacet && t.Code == code, cancellationToken);
        if (term is null)
        {
            var last = await db.TaxonomyTerms.Where(t => t.Facet == parsedFacet).MaxAsync(t => (int?)t.SortOrder, cancellationToken) ?? 0;
            term = new TaxonomyTerm(parsedFacet, code, request.NameFi.Trim(), request.NameSv.Trim(), request.NameEn.Trim(), last + 1);
            db.TaxonomyTerms.Add(term);
        }
        else
        {
            term.Rename(request.NameFi.Trim(), request.NameSv.Trim(), request.NameEn.Trim());
        }
        if (request.Retired)
        {
            term.Retire();
        }
        else
        {
            term.Reinstate();
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(TaxonomyTermResponse.From(term));
    }
}

public sealed record TaxonomyTermRequest(
    [property: Required(AllowEmptyStrings = false), StringLength(IdeaLimits.TagLength)] string NameFi,
    [property: Required(AllowEmptyStrings = false), StringLength(IdeaLimits.TagLength)] string NameSv,
    [property: Required(AllowEmptyStrings = false), StringLength(IdeaLimits.TagLength)] string NameEn,
    bool Retired = false)
{
    public static bool IsCode(string code) =>
        code.Length is >= 2 and <= IdeaLimits.TagLength && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}

public sealed record TaxonomyResponse(
    IReadOnlyList<TaxonomyTermResponse> Themes, IReadOnlyList<TaxonomyTermResponse> Environments, IReadOnlyList<TaxonomyTermResponse> AgeGroups);

public sealed record TaxonomyTermResponse(string Code, TaxonomyNames Names, bool Retired)
{
    public static TaxonomyTermResponse From(TaxonomyTerm t) => new(t.Code, new TaxonomyNames(t.NameFi, t.NameSv, t.NameEn), t.Retired);
}

public sealed record TaxonomyNames(string Fi, string Sv, string En);
