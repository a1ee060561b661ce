using System.Collections.Concurrent;
using System.Text.Json;

namespace CoCreation.ApiConventions;

/// <summary>Enum values as the API spells them ("partner-found"), in JSON, query strings and messages alike.</summary>
public static class KebabCase
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string ToKebabCase(this Enum value) =>
        Names.GetOrAdd(value, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

    /// <summary>Parses a kebab-case name; a query filter with an unknown value is a 400 naming <paramref name="field"/>.</summary>
    public static TEnum Parse<TEnum>(string? value, string field)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (candidate.ToKebabCase().Equals(value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }
        throw new InvalidFieldException(field, $"'{value}' is not one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(v => v.ToKebabCase()))}.");
    }
}
