using CoCreation.ApiConventions;

namespace CoCreation.Gateway;

/// <summary>
/// <c>GET /api/v1/open-data</c>: what can be downloaded, in which formats, under which licence. The datasets
/// themselves come from the services that hold them, through the gateway's routes.
/// </summary>
public static class OpenDataCatalogue
{
    private static readonly (string Name, string Description)[] Datasets =
    [
        ("ideas", "Published ideas (needs and offers): texts, themes, environments, age groups, the owner organisation, support."),
        ("challenges", "Challenges the city's units set: texts, themes, environment, the dates they are open."),
        ("organisations", "Published organisation profiles: type, competences, offers, themes, languages, region, website."),
        ("projects", "Development projects grown from ideas: the organisations, the environment, the phase, and once completed the outcome, success rating and signed reference."),
        ("decisions", "Every project's public decision log: what was decided, why, by which organisation, with which evaluations and activities as input, and when."),
    ];

    public static WebApplication MapOpenDataCatalogue(this WebApplication app)
    {
        app.MapGet("/api/v1/open-data", () => Results.Ok(new
        {
            license = OpenData.License,
            licenseUrl = OpenData.LicenseUrl,
            attribution = OpenData.Attribution,
            personalData = "None: no names, addresses or other data about people; organisations appear by name and id.",
            datasets = Datasets.Select(d => new
            {
                name = d.Name,
                description = d.Description,
                formats = new { csv = $"/api/v1/open-data/{d.Name}.csv", json = $"/api/v1/open-data/{d.Name}.json" },
            }),
        }));
        return app;
    }
}
