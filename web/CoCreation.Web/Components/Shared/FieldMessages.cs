namespace CoCreation.Web.Components.Shared;

/// <summary>
/// A form's messages by field, as the API names its fields (a list item's <c>themes[2]</c> counts as <c>themes</c>),
/// and the attributes that tie them to the field for screen readers: <c>aria-invalid</c> and <c>aria-describedby</c>
/// naming the hint and the <see cref="FieldErrors"/> list (<c>{field}-errors</c>).
/// </summary>
public static class FieldMessages
{
    public static IReadOnlyList<string> Of(this IReadOnlyDictionary<string, IReadOnlyList<string>> messages, string field) =>
        [.. messages.Where(m => string.Equals(m.Key.Split('[')[0], field, StringComparison.OrdinalIgnoreCase)).SelectMany(m => m.Value)];

    public static string? Invalid(this IReadOnlyDictionary<string, IReadOnlyList<string>> messages, string field) =>
        messages.Of(field).Count > 0 ? "true" : null;

    public static string? DescribedBy(this IReadOnlyDictionary<string, IReadOnlyList<string>> messages, string field, string? hint = null) =>
        string.Join(' ', new[] { hint, messages.Of(field).Count > 0 ? $"{field}-errors" : null }.Where(id => id is not null)) is { Length: > 0 } ids ? ids : null;
}
