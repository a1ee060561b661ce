using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CoCreation.ApiConventions;

/// <summary>
/// A request that is well formed but breaks a rule of the domain (an invalid lifecycle transition, a closed
/// challenge, a second interest): a 409 problem. Nothing was changed, because the rule is checked before saving.
/// </summary>
public sealed class RuleViolationException(string title, string detail, string? field = null, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(detail)
{
    public string Title { get; } = title;

    /// <summary>The request field the rule concerns, named in the problem's errors.</summary>
    public string? Field { get; } = field;

    public ProblemDetails ToProblemDetails()
    {
        ProblemDetails problem = Field is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [Field] = [Message] });
        problem.Status = StatusCodes.Status409Conflict;
        problem.Title = Title;
        problem.Detail = Message;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }
        return problem;
    }
}
