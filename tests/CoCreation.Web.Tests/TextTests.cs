using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CoCreation.Web.Tests;

/// <summary>Every text exists in Finnish, Swedish and English, and every text a page asks for exists.</summary>
public sealed partial class TextTests
{
    private static readonly string WebProject = Path.Combine(RepositoryRoot(), "web", "CoCreation.Web");

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public void Each_language_has_every_text_of_the_English_one_and_no_other_and_none_empty(string language)
    {
        var english = Texts("Text.resx");
        var other = Texts($"Text.{language}.resx");
        Assert.Empty(english.Keys.Except(other.Keys));
        Assert.Empty(other.Keys.Except(english.Keys));
        Assert.Empty(other.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
        // The same placeholders, so a translated sentence still says what it is given.
        Assert.Empty(english.Where(t => Placeholders(t.Value) != Placeholders(other[t.Key])).Select(t => t.Key));
    }

    [Fact]
    public void Every_text_the_pages_and_forms_name_exists()
    {
        var english = Texts("Text.resx");
        var named = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => NamedText().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        Assert.NotEmpty(named);
        Assert.Equal([], named.Where(key => !english.ContainsKey(key)));
    }

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    private static string Placeholders(string text) => string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Order());

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoCreation.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new DirectoryNotFoundException($"No CoCreation.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"(?:\bT|\btext)\[""([A-Za-z0-9.\-]+)""")]
    private static partial Regex NamedText();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
