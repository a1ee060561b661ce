using System.ComponentModel.DataAnnotations;
using CoCreation.ApiConventions;
using CoCreation.Ideas.Model;
using CoCreation.IntegrationEvents;

namespace CoCreation.Ideas.Apis;

/// <summary>An idea's content as its owner writes it: the body of POST (create) and PUT (replace).</summary>
public sealed record IdeaRequest(
    [property: Required] IdeaKind? Kind,
    [property: Required(AllowEmptyStrings = false), StringLength(IdeaLimits.TitleLength), VisibleText] string Title,
    [property: Required(AllowEmptyStrings = false), StringLength(IdeaLimits.SummaryLength)] string Summary,
    [property: StringLength(IdeaLimits.DescriptionLength), SafeMarkdown] string? Description,
    [property: Required, MinLength(1, ErrorMessage = "Choose at least one theme."), TagList] IReadOnlyList<string> Themes,
    [property: TagList] IReadOnlyList<string>? Environments,
    [property: TagList] IReadOnlyList<string>? AgeGroups,
    [property: TagList] IReadOnlyList<string>? SoughtCompetences,
    [property: Required, AllowedValues("fi", "sv", "en")] string Language,
    Guid? ChallengeId)
{
    public IdeaContent ToContent() => new(
        Kind!.Value, Title.Trim(), Summary.Trim(), Description ?? "",
        Normalise(Themes), Normalise(Environments), Normalise(AgeGroups), Normalise(SoughtCompetences), Language, ChallengeId);

    private static List<string> Normalise(IReadOnlyList<string>? tags) =>
        tags is null ? [] : [.. tags.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>A moderator's reason for hiding, unhiding or archiving: it goes into the audit.</summary>
public sealed record ModerationRequest([property: Required(AllowEmptyStrings = false), StringLength(IdeaLimits.ReasonLength)] string Reason);

public sealed record IdeaResponse(
    Guid Id,
    IdeaKind Kind,
    IdeaStatus Status,
    string Title,
    string Summary,
    string Description,
    string DescriptionHtml,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Environments,
    IReadOnlyList<string> AgeGroups,
    IReadOnlyList<string> SoughtCompetences,
    string Language,
    Guid? ChallengeId,
    string? OwnerPersonId,
    Guid OwnerOrganisationId,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? PublishedAt,
    int SupportCount,
    int CommentCount,
    int FollowerCount,
    HiddenResponse? Hidden,
    IdeaProjectResponse? Project)
{
    /// <summary>
    /// The hidden details only go to those who may see a hidden idea (moderators and its owner). The person who
    /// wrote it is named by id only to <see cref="PersonIds.Visible"/> readers; everyone sees the organisation.
    /// </summary>
    public static IdeaResponse From(Idea idea, ActingParty? reader) => new(
        idea.Id, idea.Kind, idea.Status, idea.Title, idea.Summary, idea.Description, SafeMarkdown.ToHtml(idea.Description),
        idea.Themes, idea.Environments, idea.AgeGroups, idea.SoughtCompetences, idea.Language, idea.ChallengeId,
        PersonIds.Visible(idea.OwnerPersonId, idea.OwnerOrganisationId, reader), idea.OwnerOrganisationId, idea.Version, idea.CreatedAt, idea.UpdatedAt, idea.PublishedAt,
        idea.SupportCount, idea.CommentCount, idea.FollowerCount,
        idea.HiddenAt is { } hiddenAt ? new HiddenResponse(hiddenAt, idea.HiddenReason ?? "") : null,
        idea.ProjectId is { } projectId ? new IdeaProjectResponse(projectId, idea.ProjectPhase ?? "planning") : null);
}

/// <summary>The project the idea became, and its phase on the CoSIE roadmap.</summary>
public sealed record IdeaProjectResponse(Guid Id, string Phase);

public sealed record HiddenResponse(DateTime HiddenAt, string Reason);

/// <summary>An idea in a list: everything but the description, so a page of twenty stays small.</summary>
public sealed record IdeaSummaryResponse(
    Guid Id,
    IdeaKind Kind,
    IdeaStatus Status,
    string Title,
    string Summary,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Environments,
    IReadOnlyList<string> AgeGroups,
    IReadOnlyList<string> SoughtCompetences,
    string Language,
    Guid? ChallengeId,
    Guid OwnerOrganisationId,
    DateTime? PublishedAt,
    DateTime UpdatedAt,
    int SupportCount,
    int CommentCount);

public sealed record IdeaVersionResponse(int Number, VersionChange Change, string? ChangedByPersonId, DateTime ChangedAt, IReadOnlyList<FieldChange> Fields, string? Reason);

/// <summary>
/// A person's id is theirs: it goes to the person, to those acting for the organisation they wrote for, and to
/// moderators. Anyone else reads the organisation, not who in it wrote.
/// </summary>
public static class PersonIds
{
    public static string? Visible(string personId, Guid? organisationId, ActingParty? reader) =>
        reader is not null && (reader.PersonId == personId || reader.IsModerator || (organisationId is { } o && reader.ActsFor(o)))
            ? personId
            : null;
}
