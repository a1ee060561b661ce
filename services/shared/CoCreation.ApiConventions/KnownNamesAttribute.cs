using System.ComponentModel.DataAnnotations;

namespace CoCreation.ApiConventions;

/// <summary>
/// A list of names that must each be one of a known set (scopes, roles, events): a 400 naming the field, the unknown
/// names and the known ones, so the caller can correct it without reading the docs.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public abstract class KnownNamesAttribute(string what) : ValidationAttribute
{
    protected abstract IReadOnlyCollection<string> Known { get; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var unknown = (value as IEnumerable<string> ?? []).Where(name => !Known.Contains(name)).ToList();
        return unknown.Count == 0
            ? ValidationResult.Success
            : new ValidationResult($"Unknown {what}: {string.Join(", ", unknown)}. Known: {string.Join(", ", Known)}.", [validationContext.MemberName!]);
    }
}
