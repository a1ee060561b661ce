using System.Text;
using CoCreation.Ideas.Model;
using CoCreation.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Ideas.Infrastructure;

/// <summary>
/// Full-text search over ideas' title, summary, description and sought competences, with the database's own
/// facility: SQLite FTS5 (the IdeaSearch table, kept current by triggers) or SQL Server full-text
/// (CONTAINSTABLE over a full-text index on Ideas). Both migrations create what their half needs.
/// </summary>
public interface IIdeaTextSearch
{
    /// <summary>The ideas matching every word of <paramref name="terms"/> (each also as a prefix), to compose filters, order and paging onto.</summary>
    IQueryable<Idea> IdeasMatching(IdeasDbContext db, SearchTerms terms);
}

public sealed class SqliteIdeaTextSearch : IIdeaTextSearch
{
    public IQueryable<Idea> IdeasMatching(IdeasDbContext db, SearchTerms terms)
    {
        // Every word quoted (so FTS5 syntax in user input is just text) and prefix-matched: "museo"* "kierro"*
        var match = string.Join(' ', terms.Words.Select(w => $"\"{w.Replace("\"", "\"\"", StringComparison.Ordinal)}\"*"));
        // "+Id": the unary plus keeps SQLite from driving the query from the match list (a key lookup and a sort for
        // every match, slow when a word is common). It walks the index of the requested order instead and checks each
        // idea against the match set, stopping when the page is full: fast for common and rare words alike.
        return db.Ideas.FromSql(
            $"SELECT * FROM Ideas WHERE +Id IN (SELECT k.IdeaId FROM IdeaSearch s JOIN IdeaSearchKeys k ON k.RowId = s.rowid WHERE IdeaSearch MATCH {match})");
    }
}

/// <summary>
/// CONTAINSTABLE where the server has full-text search (the migration creates the index only there); otherwise every
/// word must occur, as a substring, in one of the searched columns: correct, and slower, for servers without the feature.
/// </summary>
public sealed class SqlServerIdeaTextSearch : IIdeaTextSearch
{
    private bool? _fullTextIndexed;

    public IQueryable<Idea> IdeasMatching(IdeasDbContext db, SearchTerms terms)
    {
        _fullTextIndexed ??= db.Database
            .SqlQuery<int>($"SELECT COUNT(*) AS Value FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('Ideas')")
            .AsEnumerable().Single() > 0;
        if (_fullTextIndexed.Value)
        {
            var condition = string.Join(" AND ", terms.Words.Select(w => $"\"{w}*\""));
            return db.Ideas.FromSql(
                $"SELECT * FROM Ideas WHERE Id IN (SELECT [KEY] FROM CONTAINSTABLE(Ideas, (Title, Summary, Description, SoughtCompetences), {condition}))");
        }
        var ideas = db.Ideas.AsQueryable();
        foreach (var word in terms.Words)
        {
            ideas = ideas.Where(i => i.Title.Contains(word) || i.Summary.Contains(word) || i.Description.Contains(word)
                || i.SoughtCompetences.Any(c => c.Contains(word)));
        }
        return ideas;
    }
}

/// <summary>The words of a search box: letters and digits only, at most ten, each at most 50 characters.</summary>
public sealed record SearchTerms(IReadOnlyList<string> Words)
{
    public const int MaxWords = 10;
    private const int MaxWordLength = 50;

    /// <summary>Null when the text has no searchable word (empty, or only punctuation).</summary>
    public static SearchTerms? From(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }
            if (word.Length > 0 && words.Count < MaxWords)
            {
                words.Add(word.Length > MaxWordLength ? word.ToString(0, MaxWordLength) : word.ToString());
            }
            word.Clear();
        }
        return words.Count == 0 ? null : new SearchTerms(words);
    }
}

public static class IdeaTextSearchRegistration
{
    /// <summary>The search that matches the configured database provider.</summary>
    public static IServiceCollection AddIdeaTextSearch(this IServiceCollection services) =>
        services.AddSingleton<IIdeaTextSearch>(sp => sp.GetRequiredService<ServiceDatabaseInfo>().Provider == DatabaseProvider.SqlServer
            ? new SqlServerIdeaTextSearch()
            : new SqliteIdeaTextSearch());
}
