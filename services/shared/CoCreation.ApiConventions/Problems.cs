using Microsoft.AspNetCore.Http;

namespace CoCreation.ApiConventions;

/// <summary>The problem responses handlers return themselves, worded the same on every service.</summary>
public static class Problems
{
    public static NotFoundProblem NotFound(string what, object id) => new(TypedResults.Problem(
        title: $"No such {what}.",
        detail: $"There is no {what} with id {id}, or you may not see it.",
        statusCode: StatusCodes.Status404NotFound));

    public static ForbiddenProblem Forbidden(string title, string detail) => new(TypedResults.Problem(
        title: title, detail: detail, statusCode: StatusCodes.Status403Forbidden));

    public static ForbiddenProblem NeedsOrganisation(string action) => Forbidden(
        $"{action} is done on behalf of an organisation.",
        $"Act for an organisation (the header {ActingParty.OrganisationHeader} in development; a token with an organisation claim otherwise).");

    public static ForbiddenProblem OnlyOwnerOrganisation(string what) => Forbidden(
        $"Only the organisation that owns this {what} may do that.",
        $"Act for the {what}'s owner organisation.");

    public static TooManyProblem TooMany(string title, string detail, TimeSpan retryAfter, HttpContext http)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new(TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status429TooManyRequests));
    }

    public static ForbiddenProblem OnlyModerators() => Forbidden(
        "Only moderators may do that.",
        "This action needs the moderator or administrator role.");
}
