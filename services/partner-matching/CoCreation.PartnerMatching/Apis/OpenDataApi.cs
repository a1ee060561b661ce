using CoCreation.ApiConventions;
using CoCreation.PartnerMatching.Infrastructure;
using CoCreation.PartnerMatching.Model;
using Microsoft.EntityFrameworkCore;
using static CoCreation.ApiConventions.OpenData;

namespace CoCreation.PartnerMatching.Apis;

/// <summary>
/// Open data: every published organisation profile, for anyone, as CSV or JSON under CC BY 4.0. The contact channel
/// is left out: it is often a person's own address or phone.
/// </summary>
public static class OpenDataApi
{
    private static readonly Column<OrganisationProfile>[] OrganisationColumns =
    [
        new("id", o => o.Id), new("type", o => o.Type), new("name", o => o.Name), new("description", o => o.Description),
        new("businessId", o => o.BusinessId), new("competences", o => o.Competences), new("offers", o => o.Offers), new("themes", o => o.Themes),
        new("languages", o => o.Languages), new("region", o => o.Region), new("website", o => o.Website),
        new("completedProjects", o => o.CompletedProjects), new("updatedAt", o => o.UpdatedAt),
    ];

    public static IEndpointRouteBuilder MapOpenDataApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1/open-data").WithTags("Open data")
            .MapGet("/organisations.{format}", DownloadOrganisations).WithName(nameof(DownloadOrganisations))
            .WithSummary("Every published organisation profile, as csv or json (CC BY 4.0, no personal data)").Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: "application/json").ProducesValidationProblem();
        return routes;
    }

    public static IResult DownloadOrganisations(string format, PartnerMatchingDbContext db) =>
        Download("organisations", format, db.Organisations.AsNoTracking().Where(o => o.Published).OrderBy(o => o.Id).AsAsyncEnumerable(), OrganisationColumns);
}
