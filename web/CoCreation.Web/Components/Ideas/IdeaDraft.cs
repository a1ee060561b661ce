using CoCreation.Web.Api;
using Microsoft.Extensions.Localization;

namespace CoCreation.Web.Components.Ideas;

/// <summary>
/// The idea form as the person fills it. Checked here first, so the common mistakes are said in the person's language
/// at their field; what only the API can know (a closed challenge, a retired theme) comes back from it under the same
/// field names.
/// </summary>
public sealed class IdeaDraft
{
    public string Key { get; set; } = Guid.NewGuid().ToString("N");

    public int Version { get; set; }

    public Guid? ChallengeId { get; set; }

    public string? Kind { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Description { get; set; }

    public string? Language { get; set; }

    public List<string> Themes { get; set; } = [];

    public List<string> Environments { get; set; } = [];

    public List<string> AgeGroups { get; set; } = [];

    /// <summary>Comma-separated, as people type a list.</summary>
    public string? SoughtCompetences { get; set; }

    /// <summary>publish, draft or save: which button was pressed.</summary>
    public string? Intent { get; set; }

    public static IdeaDraft From(Idea idea) => new()
    {
        Version = idea.Version, ChallengeId = idea.ChallengeId, Kind = idea.Kind, Title = idea.Title, Summary = idea.Summary,
        Description = idea.Description, Language = idea.Language, Themes = [.. idea.Themes], Environments = [.. idea.Environments],
        AgeGroups = [.. idea.AgeGroups], SoughtCompetences = string.Join(", ", idea.SoughtCompetences),
    };

    /// <summary>A draft from a form's fields as they were posted (<c>Draft.Title</c> and so on), kept over a new sign-in.</summary>
    public static IdeaDraft FromFields(IReadOnlyDictionary<string, string?[]> fields)
    {
        string? One(string name) => fields.TryGetValue("Draft." + name, out var values) ? values.FirstOrDefault() : null;
        List<string> Many(string name) => fields.TryGetValue("Draft." + name, out var values) ? [.. values.OfType<string>()] : [];
        return new IdeaDraft
        {
            Key = One(nameof(Key)) ?? Guid.NewGuid().ToString("N"),
            Version = int.TryParse(One(nameof(Version)), out var version) ? version : 0,
            ChallengeId = Guid.TryParse(One(nameof(ChallengeId)), out var challenge) ? challenge : null,
            Kind = One(nameof(Kind)), Title = One(nameof(Title)), Summary = One(nameof(Summary)), Description = One(nameof(Description)),
            Language = One(nameof(Language)), Themes = Many(nameof(Themes)), Environments = Many(nameof(Environments)),
            AgeGroups = Many(nameof(AgeGroups)), SoughtCompetences = One(nameof(SoughtCompetences)),
        };
    }

    /// <summary>The mistakes a person can make in the form, by the API's field name, in their language.</summary>
    public Dictionary<string, IReadOnlyList<string>> Check(IStringLocalizer<Text> text)
    {
        var errors = new Dictionary<string, IReadOnlyList<string>>();
        void Require(string field, bool ok, string message)
        {
            if (!ok)
            {
                errors[field] = [message];
            }
        }
        Require("kind", Kind is "need" or "offer", text["IdeaForm.KindRequired"]);
        Require("title", !string.IsNullOrWhiteSpace(Title), text["IdeaForm.TitleRequired"]);
        Require("title", (Title ?? "").Trim().Length <= 200, text["Form.TooLong", 200]);
        Require("summary", !string.IsNullOrWhiteSpace(Summary), text["IdeaForm.SummaryRequired"]);
        Require("summary", (Summary ?? "").Trim().Length <= 500, text["Form.TooLong", 500]);
        Require("themes", Themes.Count > 0, text["IdeaForm.ThemesRequired"]);
        return errors;
    }

    public IdeaContent ToContent() => new(
        Kind!, Title!.Trim(), Summary!.Trim(), string.IsNullOrWhiteSpace(Description) ? null : Description, Themes, Environments, AgeGroups,
        [.. (SoughtCompetences ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        Language ?? "fi", ChallengeId);
}
