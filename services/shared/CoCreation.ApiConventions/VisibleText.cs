using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CoCreation.ApiConventions;

/// <summary>
/// A name or a title people read: it has visible letters, and no character that hides or reorders text. A name of
/// zero-width spaces shows as nothing, and a right-to-left override makes "Tapiola School" read as something else.
/// </summary>
public sealed class VisibleTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && FindProblem(text) is { } problem
            ? new ValidationResult(problem, [validationContext.MemberName!])
            : ValidationResult.Success;

    public static string? FindProblem(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return "Write it on one line, without control characters.";
            }
            // Bidirectional embeddings, overrides and isolates reorder what follows them; zero-width and other format
            // characters are invisible.
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return $"It holds an invisible character (U+{(int)c:X4}) that can hide or reorder what it says; write it without.";
            }
        }
        return text.Any(char.IsLetterOrDigit) ? null : "Write it with letters or digits that people can see.";
    }
}
