using CoCreation.Web.Api;

namespace CoCreation.Web.Account;

/// <summary>
/// A person's data export as a file: the browser cannot send the person's token itself (it stays on this server),
/// so the web fetches the export with it and hands the document over as the API wrote it.
/// </summary>
public static class PersonalDataDownload
{
    public static IEndpointRouteBuilder MapPersonalDataDownload(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/me/data/exports/{exportId:guid}/download", async (Guid exportId, PlatformApi api, HttpContext http, CancellationToken cancellationToken) =>
        {
            var export = await api.PersonalDataExportDocumentAsync(exportId, cancellationToken);
            if (!export.Succeeded)
            {
                return Results.StatusCode(export.Status); // re-executed as the localized error page
            }
            http.Response.Headers.CacheControl = "no-store"; // personal data: never kept by a browser or a proxy
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"cocreation-personal-data-{exportId:N}.json\"";
            return Results.Text(export.Value!, "application/json; charset=utf-8");
        }).RequireAuthorization();
        return routes;
    }
}
