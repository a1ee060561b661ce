using Microsoft.AspNetCore.Http;

namespace CoCreation.ApiConventions;

/// <summary>
/// One or more request fields are not valid in a way only the handler can tell (an unknown theme, a bad cursor):
/// a 400 problem naming each field, raised before anything is saved.
/// </summary>
public sealed class InvalidFieldException(IReadOnlyDictionary<string, string[]> errors)
    : Exception($"Invalid fields: {string.Join(", ", errors.Keys)}")
{
    public InvalidFieldException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public HttpValidationProblemDetails ToProblemDetails() => new(Errors.ToDictionary())
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Some fields are not valid.",
        Detail = $"Check {string.Join(", ", Errors.Keys)}.",
    };
}
