using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace CoCreation.ApiConventions;

/// <summary>
/// Turns what is rejected before a handler runs (malformed JSON, a wrong content type, a body over the
/// limit, no acting party) into problem details that say what to fix. Anything else falls through to the default 500 handler.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is UnauthenticatedException unauthenticated)
        {
            return await WriteAsync(httpContext, exception, new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Who is acting is not known.",
                Detail = unauthenticated.Message,
            });
        }

        if (exception is InvalidFieldException invalid)
        {
            return await WriteAsync(httpContext, exception, invalid.ToProblemDetails());
        }

        if (exception is RuleViolationException violation)
        {
            return await WriteAsync(httpContext, exception, violation.ToProblemDetails());
        }

        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var problem = badRequest.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
                Detail = "Send a smaller body; the limit is set by Api:MaxRequestBodyBytes.",
            },
            StatusCodes.Status415UnsupportedMediaType => new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "Unsupported content type.",
                Detail = "Send the body as JSON with the header Content-Type: application/json.",
            },
            _ => FromBindingFailure(badRequest),
        };

        logger.LogInformation("Rejected a bad request: {Reason}", badRequest.Message);
        return await WriteAsync(httpContext, exception, problem);
    }

    private async ValueTask<bool> WriteAsync(HttpContext httpContext, Exception exception, ProblemDetails problem)
    {
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails FromBindingFailure(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var field = FieldName(json.Path);
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "The body is not valid JSON." : "The value has the wrong type or format."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body could not be read.",
                Detail = field == BodyField ? "The body is not valid JSON." : $"The field '{field}' has a value of the wrong type or format.",
            };
        }

        if (ParameterBindingFailure.Match(exception.Message) is { Success: true } parameter)
        {
            var name = parameter.Groups["name"].Value;
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [name] = [$"'{parameter.Groups["value"].Value}' is not a valid value."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "A parameter is not valid.",
                Detail = $"The parameter '{name}' has a value of the wrong type or format.",
            };
        }

        return new ProblemDetails
        {
            Status = exception.StatusCode,
            Title = "The request could not be read.",
            Detail = exception.Message,
        };
    }

    // ASP.NET Core's message for a route or query value it cannot convert: Failed to bind parameter "int? limit" from "abc".
    private static readonly Regex ParameterBindingFailure = new("^Failed to bind parameter \"[^\"]* (?<name>\\w+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Compiled);

    private const string BodyField = "body";

    /// <summary>"$.themes[2]" becomes "themes[2]": the name a client sent.</summary>
    internal static string FieldName(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? BodyField : jsonPath.TrimStart('$', '.');
}
