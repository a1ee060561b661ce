using System.ComponentModel.DataAnnotations;

namespace CoCreation.ApiConventions;

/// <summary>A short list of short, non-empty tags: a list of hundreds is a mistake or an attack, not a description.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TagListAttribute : ValidationAttribute
{
    public const int MaxCount = 20;
    public const int MaxLength = 100;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not IReadOnlyList<string> tags)
        {
            return ValidationResult.Success;
        }
        if (tags.Count > MaxCount)
        {
            return new ValidationResult($"At most {MaxCount} items are allowed.", [validationContext.MemberName!]);
        }
        if (tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > MaxLength))
        {
            return new ValidationResult($"Each item must be 1 to {MaxLength} characters.", [validationContext.MemberName!]);
        }
        return ValidationResult.Success;
    }
}
