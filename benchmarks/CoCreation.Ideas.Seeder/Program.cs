// Seeds an ideas database with published ideas through the service's own model and migrations, so the benchmark
// measures the schema, indexes and full-text triggers that production has.
//   dotnet CoCreation.Ideas.Seeder.dll <database-file> [count=100000]
using System.Diagnostics;
using CoCreation.Ideas.Infrastructure;
using CoCreation.Ideas.Model;
using CoCreation.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: CoCreation.Ideas.Seeder <database-file> [count=100000]");
    return 2;
}
var path = args[0];
var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var options = new DbContextOptionsBuilder<IdeasSqliteDbContext>().UseSqlite($"Data Source={path}").Options;

await using (var db = new IdeasSqliteDbContext(options))
{
    await db.Database.MigrateAsync();
    var existing = await db.Ideas.CountAsync();
    if (existing >= count)
    {
        Console.WriteLine($"{path} already holds {existing} ideas");
        return 0;
    }
    count -= existing;
}

var random = new Random(20261123);
var themes = TaxonomyTerm.Seed.Where(t => t.Facet == TaxonomyFacet.Theme).Select(t => t.Code).ToArray();
var environments = TaxonomyTerm.Seed.Where(t => t.Facet == TaxonomyFacet.Environment).Select(t => t.Code).ToArray();
var ageGroups = TaxonomyTerm.Seed.Where(t => t.Facet == TaxonomyFacet.AgeGroup).Select(t => t.Code).ToArray();
var organisations = Enumerable.Range(0, 2_000).Select(_ => Guid.NewGuid()).ToArray();
var clock = DateTime.UtcNow.AddDays(-3 * 365);
var stopwatch = Stopwatch.StartNew();
const int batchSize = 5_000;

for (var done = 0; done < count; done += batchSize)
{
    await using var db = new IdeasSqliteDbContext(options);
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    for (var i = 0; i < Math.Min(batchSize, count - done); i++)
    {
        clock = clock.AddSeconds(random.Next(60, 1_800));
        var content = new IdeaContent(
            random.Next(2) == 0 ? IdeaKind.Need : IdeaKind.Offer,
            Vocabulary.Sentence(random, 4, 8, capitalise: true),
            Vocabulary.Sentence(random, 15, 30, capitalise: true) + ".",
            Vocabulary.Paragraphs(random, 60, 160),
            Pick(themes, 1, 3), Pick(environments, 1, 2), Pick(ageGroups, 1, 2),
            [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Vocabulary.Word(random))],
            Languages.All[random.Next(3) switch { 0 => 0, 1 => 0, 2 => random.Next(1, 3), _ => 0 }],
            null);
        var idea = Idea.Create(content, $"person-{random.Next(20_000)}", organisations[random.Next(organisations.Length)], publish: true, clock);
        for (var s = random.Next(0, 4) == 0 ? random.Next(1, 40) : 0; s > 0; s--)
        {
            idea.CountSupport(+1);
        }
        db.Ideas.Add(idea);
    }
    db.ChangeTracker.DetectChanges();
    await db.SaveChangesAsync();
    // The outbox rows of synthetic ideas have no one to go to.
    await db.OutboxMessages.ExecuteDeleteAsync();
    Console.WriteLine($"  {done + Math.Min(batchSize, count - done)} ideas ({stopwatch.Elapsed.TotalSeconds:F0} s)");
}

await using (var db = new IdeasSqliteDbContext(options))
{
    await db.Database.ExecuteSqlRawAsync("PRAGMA optimize; ANALYZE;");
}
Console.WriteLine($"seeded {count} ideas into {path} in {stopwatch.Elapsed.TotalSeconds:F0} s");
return 0;

List<string> Pick(string[] from, int min, int max) => [.. from.OrderBy(_ => random.Next()).Take(random.Next(min, max + 1))];

/// <summary>Words of co-creation in the city's three languages, picked with a skew so that some are common and most are rare, as in real text.</summary>
internal static class Vocabulary
{
    private static readonly string[] Words = """
        school library museum pupils teachers learning game reading art music science nature forest climate energy
        recycling robots coding maker space youth seniors families parents children daycare playground sports health
        wellbeing mental food garden urban mobility cycling walking bus transport accessibility inclusion language
        finnish swedish english immigrants integration community neighbourhood volunteers workshop exhibition theatre
        dance film photography podcast video virtual reality augmented sensors data open ai mathematics physics
        chemistry biology history culture heritage archive design architecture housing safety traffic winter summer
        events festival market circular economy repair sharing tools lending digital skills media literacy democracy
        participation voting budget city council espoo helsinki vantaa kauniainen tapiola leppävaara matinkylä otaniemi
        koulu kirjasto museo oppilaat opettajat oppiminen peli lukeminen taide musiikki tiede luonto metsä ilmasto
        energia kierrätys robotit koodaus nuoret ikäihmiset perheet lapset päiväkoti leikkipuisto liikunta terveys
        hyvinvointi ruoka puutarha liikenne pyöräily kävely saavutettavuus yhteisö naapurusto vapaaehtoiset työpaja
        näyttely teatteri tanssi elokuva valokuvaus kulttuuri perintö arkkitehtuuri asuminen turvallisuus talvi kesä
        tapahtumat festivaali kiertotalous korjaus jakaminen digitaidot mediataito demokratia osallisuus
        skola bibliotek elever lärare lärande spel läsning konst musik vetenskap natur skog klimat energi återvinning
        unga äldre familjer barn daghem lekpark idrott hälsa välmående mat trädgård trafik cykling gemenskap workshop
        utställning teater dans film kultur arv design boende säkerhet vinter sommar evenemang delning demokrati
        pilot prototype experiment evaluation research students university startup company association partner
        co-creation service challenge solution idea need offer test feedback survey interview observation
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Word(Random random) => Words[(int)(Words.Length * Math.Pow(random.NextDouble(), 2.5))];

    public static string Sentence(Random random, int min, int max, bool capitalise)
    {
        var text = string.Join(' ', Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Word(random)));
        return capitalise ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    public static string Paragraphs(Random random, int minWords, int maxWords) =>
        string.Join("\n\n", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Sentence(random, minWords / 3, maxWords / 3, capitalise: true) + "."));
}
