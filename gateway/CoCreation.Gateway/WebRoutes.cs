namespace CoCreation.Gateway;

/// <summary>
/// Everything that is not the API, sign-in or the gateway's own pages goes to the web front end (the route "web" in
/// appsettings.json, matched last). An unknown path under /api stays the API's: a 404 problem, never a web page.
/// </summary>
public static class WebRoutes
{
    /// <summary>After every service route (their Order is 10 to 100), before the web's catch-all (1000).</summary>
    private const int UnknownApiOrder = 900;

    public static IEndpointRouteBuilder MapUnknownApiRoutes(this IEndpointRouteBuilder routes)
    {
        routes.Map("/api/{**path}", (HttpContext http) => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "There is no such API route.",
                detail: $"{http.Request.Method} {http.Request.Path} is not part of the API; the reference is at /api-reference."))
            .WithOrder(UnknownApiOrder)
            .ExcludeFromDescription();
        return routes;
    }
}
