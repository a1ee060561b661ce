using System.ComponentModel.DataAnnotations;
using CoCreation.ApiConventions;
using CoCreation.PartnerMatching.Infrastructure;
using CoCreation.PartnerMatching.Model;

namespace CoCreation.PartnerMatching.Apis;

/// <summary>An organisation's profile as it writes it: the body of POST (create) and PUT (replace).</summary>
public sealed record OrganisationProfileRequest(
    [property: Required] OrganisationType? Type,
    [property: Required(AllowEmptyStrings = false), StringLength(PartnerMatchingDbContext.NameLength), VisibleText] string Name,
    [property: StringLength(PartnerMatchingDbContext.TextLength), SafeMarkdown] string? Description,
    [property: FinnishBusinessIdFormat] string? BusinessId,
    [property: TagList] IReadOnlyList<string>? Competences,
    [property: TagList] IReadOnlyList<string>? Offers,
    [property: TagList, TaxonomyCodes] IReadOnlyList<string>? Themes,
    [property: Required, MinLength(1, ErrorMessage = "Name at least one language."), LanguageCodes] IReadOnlyList<string> Languages,
    [property: StringLength(100)] string? Region,
    [property: Required(AllowEmptyStrings = false), StringLength(PartnerMatchingDbContext.ShortTextLength)] string ContactChannel,
    [property: StringLength(PartnerMatchingDbContext.ShortTextLength), HttpAddress] string? Website,
    bool Published = true)
{
    public OrganisationProfileContent ToContent() => new(
        Type!.Value, Name.Trim(), Description ?? "", string.IsNullOrWhiteSpace(BusinessId) ? null : BusinessId.Trim(),
        Tags(Competences), Tags(Offers), Tags(Themes), Tags(Languages), Region?.Trim() ?? "", ContactChannel.Trim(),
        string.IsNullOrWhiteSpace(Website) ? null : Website.Trim(), Published);

    internal static List<string> Tags(IReadOnlyList<string>? tags) =>
        tags is null ? [] : [.. tags.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
}

public sealed record OrganisationProfileResponse(
    Guid Id, OrganisationType Type, string Name, string Description, string DescriptionHtml, string? BusinessId,
    IReadOnlyList<string> Competences, IReadOnlyList<string> Offers, IReadOnlyList<string> Themes, IReadOnlyList<string> Languages,
    string Region, string ContactChannel, string? Website, bool Published, int CompletedProjects, int Version, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static OrganisationProfileResponse From(OrganisationProfile p) => new(
        p.Id, p.Type, p.Name, p.Description, SafeMarkdown.ToHtml(p.Description), p.BusinessId, p.Competences, p.Offers, p.Themes, p.Languages,
        p.Region, p.ContactChannel, p.Website, p.Published, p.CompletedProjects, p.Version, p.CreatedAt, p.UpdatedAt);
}

/// <summary>A real environment as its city unit describes it.</summary>
public sealed record EnvironmentRequest(
    [property: Required(AllowEmptyStrings = false), TaxonomyCode] string Kind,
    [property: Required(AllowEmptyStrings = false), StringLength(PartnerMatchingDbContext.NameLength), VisibleText] string Name,
    [property: StringLength(PartnerMatchingDbContext.ShortTextLength)] string? Address,
    [property: Required(AllowEmptyStrings = false), StringLength(100)] string Area,
    [property: TagList, TaxonomyCodes] IReadOnlyList<string>? AgeGroups,
    [property: Range(1, 100_000)] int Capacity,
    [property: MaxLength(50, ErrorMessage = "At most 50 windows.")] IReadOnlyList<AvailabilityWindowRequest>? Availability,
    [property: StringLength(PartnerMatchingDbContext.TextLength), SafeMarkdown] string? Rules,
    bool Published = true)
{
    /// <summary>Windows that end before they start are named by index, for example <c>availability[1].to</c>.</summary>
    public EnvironmentContent ToContent()
    {
        var windows = Availability ?? [];
        var errors = windows
            .Select((w, i) => (w, i))
            .Where(x => x.w.From is null || x.w.To is null || x.w.To < x.w.From)
            .ToDictionary(x => $"availability[{x.i}].to", x => new[] { x.w.From is null || x.w.To is null ? "Give both from and to." : "A window must end on or after the day it starts." });
        if (errors.Count > 0)
        {
            throw new InvalidFieldException(errors);
        }
        return new EnvironmentContent(Kind.Trim(), Name.Trim(), Address?.Trim() ?? "", Area.Trim(), OrganisationProfileRequest.Tags(AgeGroups), Capacity,
            [.. windows.Select(w => new AvailabilityWindow(w.From!.Value, w.To!.Value))], Rules ?? "", Published);
    }
}

public sealed record AvailabilityWindowRequest(DateOnly? From, DateOnly? To);

public sealed record EnvironmentResponse(
    Guid Id, Guid OwnerOrganisationId, string Kind, string Name, string Address, string Area, IReadOnlyList<string> AgeGroups, int Capacity,
    IReadOnlyList<AvailabilityWindow> Availability, string Rules, string RulesHtml, bool Published, int Version)
{
    public static EnvironmentResponse From(RealEnvironment e) => new(
        e.Id, e.OwnerOrganisationId, e.Kind, e.Name, e.Address, e.Area, e.AgeGroups, e.Capacity, e.Availability, e.Rules, SafeMarkdown.ToHtml(e.Rules), e.Published, e.Version);
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class FinnishBusinessIdFormatAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string id && id.Trim().Length > 0 && !FinnishBusinessId.IsValid(id.Trim())
            ? new ValidationResult("Not a valid Finnish business ID (Y-tunnus): seven digits, a hyphen and the right check digit, such as 0737546-2.", [validationContext.MemberName!])
            : ValidationResult.Success;
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpAddressAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string address && address.Trim().Length > 0 && !WebAddress.IsValid(address.Trim())
            ? new ValidationResult("Must be an http or https address.", [validationContext.MemberName!])
            : ValidationResult.Success;
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class LanguageCodesAttribute : ValidationAttribute
{
    private static readonly string[] Known = ["fi", "sv", "en"];

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is IReadOnlyList<string> languages && languages.Any(l => !Known.Contains(l))
            ? new ValidationResult($"Languages are fi, sv and en.", [validationContext.MemberName!])
            : ValidationResult.Success;
}

/// <summary>
/// Codes of the ideas service's taxonomy (GET /api/v1/taxonomy) are lower-case words joined by hyphens. The ideas
/// service owns the terms; here the shape is checked, and a code no idea uses simply never matches.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TaxonomyCodeAttribute : ValidationAttribute
{
    public static bool IsCode(string code) =>
        code.Length is >= 2 and <= 100 && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string code && code.Length > 0 && !IsCode(code.Trim())
            ? new ValidationResult("A taxonomy code such as 'library' or 'day-care-centre' (see GET /api/v1/taxonomy).", [validationContext.MemberName!])
            : ValidationResult.Success;
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class TaxonomyCodesAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is IReadOnlyList<string> codes && codes.Any(c => !TaxonomyCodeAttribute.IsCode(c.Trim()))
            ? new ValidationResult("Taxonomy codes such as 'museums' or 'early-childhood-education' (see GET /api/v1/taxonomy).", [validationContext.MemberName!])
            : ValidationResult.Success;
}
