using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CoCreation.ApiConventions;

/// <summary>
/// Markdown written by people, shown to everyone. Input with raw HTML or links to anything but http(s), mailto or a
/// relative path is refused (so a script never enters the database); output is rendered with HTML disabled and then
/// sanitised once more, so that a rule missed on the way in still cannot reach a browser.
/// </summary>
public static class SafeMarkdown
{
    // Declared first: the sanitizer below is built from it during type initialisation.
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];
    private static readonly MarkdownPipeline Parsing = new MarkdownPipelineBuilder().UseAutoLinks().UsePipeTables().UseEmphasisExtras().Build();
    private static readonly MarkdownPipeline Rendering = new MarkdownPipelineBuilder().UseAutoLinks().UsePipeTables().UseEmphasisExtras().DisableHtml().Build();
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Why this text is not acceptable, or null when it is.</summary>
    public static string? FindProblem(string markdown)
    {
        var document = Markdown.Parse(markdown, Parsing);
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlBlock:
                case HtmlInline:
                    return "HTML is not allowed; use Markdown (for example **bold**, [a link](https://example.org)).";
                case LinkInline link when !IsSafeUrl(link.Url):
                    return $"Links must be http, https or mailto addresses; '{Shorten(link.Url)}' is not.";
                case AutolinkInline autolink when !IsSafeUrl(autolink.Url):
                    return $"Links must be http, https or mailto addresses; '{Shorten(autolink.Url)}' is not.";
            }
        }
        return null;
    }

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Rendering));

    private static bool IsSafeUrl(string? url)
    {
        // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"), so the check does too.
        var compact = new string((url ?? "").Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var scheme = UrlScheme.Match(compact);
        return !scheme.Success || AllowedSchemes.Contains(scheme.Groups[1].Value, StringComparer.OrdinalIgnoreCase);
    }

    private static readonly Regex UrlScheme = new("^([a-zA-Z][a-zA-Z0-9+.-]*):", RegexOptions.Compiled);

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in AllowedSchemes)
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }
        return sanitizer;
    }
}

/// <summary>Validates a Markdown property with <see cref="SafeMarkdown.FindProblem"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SafeMarkdownAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string markdown && SafeMarkdown.FindProblem(markdown) is { } problem
            ? new ValidationResult(problem, [validationContext.MemberName!])
            : ValidationResult.Success;
}
