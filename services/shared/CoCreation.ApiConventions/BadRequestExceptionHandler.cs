using System.Reflection;
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
            if (EnumNamed(json) is { } enumType)
            {
                var allowed = string.Join(", ", Enum.GetValues(enumType).Cast<Enum>().Select(v => v.ToKebabCase()));
                return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [$"Use one of: {allowed}."] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The request body could not be read.",
                    Detail = $"The field '{field}' takes one of these names: {allowed}. Numbers are not accepted.",
                };
            }
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

    // System.Text.Json's message names the type being read, and the exception the path within it:
    // "The JSON value could not be converted to CoCreation.Ideas.Apis.IdeaRequest. Path: $.kind | ...".
    private static readonly Regex ConversionTarget = new(@"could not be converted to (?<type>[\w.+]+?)\.? Path:", RegexOptions.Compiled);

    /// <summary>The enum type of the value that failed to convert, or null when the failure was about something else.</summary>
    private static Type? EnumNamed(JsonException json)
    {
        if (ConversionTarget.Match(json.Message) is not { Success: true } match || json.Path is null)
        {
            return null;
        }
        var type = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.FullName?.StartsWith("CoCreation.", StringComparison.Ordinal) == true)
            .Select(a => a.GetType(match.Groups["type"].Value))
            .FirstOrDefault(t => t is not null);
        // Follow the path ("$.items[0].kind") from that type to the member that failed.
        foreach (var segment in json.Path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Split('[')[0];
            type = type?.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (segment.Contains('[') && type is not null)
            {
                type = type.IsArray ? type.GetElementType() : type.GetInterfaces().Append(type)
                    .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
            }
        }
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type is { IsEnum: true } ? type : null;
    }

    /// <summary>"$.themes[2]" becomes "themes[2]": the name a client sent.</summary>
    internal static string FieldName(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? BodyField : jsonPath.TrimStart('$', '.');
}
