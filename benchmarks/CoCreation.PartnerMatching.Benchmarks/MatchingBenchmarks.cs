using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CoCreation.PartnerMatching.Infrastructure;
using CoCreation.PartnerMatching.Matching;
using CoCreation.PartnerMatching.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCreation.PartnerMatching.Benchmarks;

/// <summary>
/// Per-query latency of the top 20 partners from the matching index. Monitoring strategy: every iteration is one
/// query, so the P95 column is the 95th percentile of single queries. The index's memory is printed by the setup.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 50, iterationCount: 500)]
public class MatchingIndexBenchmark
{
    [Params(100_000, 1_000_000)]
    public int Organisations { get; set; }

    private BenchmarkWorld _world = null!;

    [GlobalSetup]
    public void Setup() => _world = BenchmarkWorld.Build(Organisations, withDatabase: false);

    [Benchmark]
    public int Top20FromIndex() => _world.Index.TopPartnersFor(_world.NextIdea(), 20).Count;
}

/// <summary>
/// The index against the naive approach: one SQL query that scores every profile (themes, competences, environments,
/// language, region, past co-creation) and sorts them, on the service's own SQLite schema. The Ratio column says how
/// many times slower the naive query is.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 10)]
public class NaiveComparisonBenchmark
{
    [Params(100_000, 1_000_000)]
    public int Organisations { get; set; }

    private BenchmarkWorld _world = null!;

    [GlobalSetup]
    public void Setup() => _world = BenchmarkWorld.Build(Organisations, withDatabase: true);

    [GlobalCleanup]
    public void Cleanup() => _world.Dispose();

    [Benchmark(Baseline = true)]
    public int Top20FromIndex() => _world.Index.TopPartnersFor(_world.NextIdea(), 20).Count;

    [Benchmark]
    public int Top20FromNaiveDatabaseQuery() => _world.NaiveTop20(_world.NextIdea());
}

/// <summary>A population in the index (and, for the comparison, in a SQLite file with the service's schema) and ideas to ask about.</summary>
public sealed class BenchmarkWorld : IDisposable
{
    private readonly MatchableIdea[] _ideas;
    private readonly SqliteConnection? _database;
    private int _next;

    private BenchmarkWorld(MatchingIndex index, MatchableIdea[] ideas, SqliteConnection? database)
    {
        Index = index;
        _ideas = ideas;
        _database = database;
    }

    public MatchingIndex Index { get; }

    public MatchableIdea NextIdea() => _ideas[_next++ % _ideas.Length];

    public static BenchmarkWorld Build(int organisations, bool withDatabase)
    {
        var population = new SyntheticPopulation(seed: 20261123);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var index = new MatchingIndex(Options.Create(new MatchingWeights()), TimeProvider.System);
        var owners = new List<Guid>();
        var path = Path.Combine(Environment.GetEnvironmentVariable("COCREATION_BENCH_DATA") ?? Path.GetTempPath(), $"matching-{organisations}.db");
        var fillDatabase = withDatabase && !File.Exists(path);
        using var writer = fillDatabase ? new DatabaseWriter(path) : null;
        for (var i = 0; i < organisations; i++)
        {
            var (profile, environments) = population.Organisation();
            foreach (var environment in environments)
            {
                index.Upsert(environment);
                writer?.Add(environment);
            }
            index.Upsert(profile);
            writer?.Add(profile);
            if (i % 1_000 == 0)
            {
                owners.Add(profile.Id);
            }
        }
        writer?.Commit();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// matching index of {organisations:N0} organisations: {(after - before) / (1024.0 * 1024):F0} MiB managed memory");
        var ideas = owners.Select(population.Idea).ToArray();
        SqliteConnection? database = null;
        if (withDatabase)
        {
            database = new SqliteConnection($"Data Source={path}");
            database.Open();
        }
        return new BenchmarkWorld(index, ideas, database);
    }

    /// <summary>The naive way: score every published profile in one SQL statement, sort, take 20.</summary>
    public int NaiveTop20(MatchableIdea idea)
    {
        using var command = _database!.CreateCommand();
        command.CommandText = """
            SELECT o.Id,
                0.30 * (SELECT COUNT(*) FROM json_each(o.Themes) t WHERE t.value IN (SELECT value FROM json_each($themes))) / $themeCount
              + 0.30 * (SELECT COUNT(*) FROM json_each(o.Competences) c WHERE c.value IN (SELECT value FROM json_each($competences))) / $competenceCount
              + 0.15 * EXISTS (SELECT 1 FROM Environments e WHERE e.OwnerOrganisationId = o.Id AND e.Published AND e.Kind IN (SELECT value FROM json_each($environments)))
              + 0.10 * EXISTS (SELECT 1 FROM json_each(o.Languages) l WHERE l.value = $language)
              + 0.05 * (o.Region = $region)
              + 0.05 * MIN(1.0, o.CompletedProjects / 3.0) AS Score
            FROM Organisations o
            WHERE o.Published AND o.Id <> $owner
            ORDER BY Score DESC
            LIMIT 20
            """;
        command.Parameters.AddWithValue("$themes", JsonSerializer.Serialize(idea.Themes));
        command.Parameters.AddWithValue("$themeCount", Math.Max(1, idea.Themes.Count));
        command.Parameters.AddWithValue("$competences", JsonSerializer.Serialize(idea.SoughtCompetences));
        command.Parameters.AddWithValue("$competenceCount", Math.Max(1, idea.SoughtCompetences.Count));
        command.Parameters.AddWithValue("$environments", JsonSerializer.Serialize(idea.Environments));
        command.Parameters.AddWithValue("$language", idea.Language);
        command.Parameters.AddWithValue("$region", "municipality-0");
        command.Parameters.AddWithValue("$owner", idea.OwnerOrganisationId.ToString().ToUpperInvariant());
        using var reader = command.ExecuteReader();
        var count = 0;
        while (reader.Read())
        {
            count++;
        }
        return count;
    }

    public void Dispose() => _database?.Dispose();

    /// <summary>Writes profiles and environments through the service's own schema (migrations), in one transaction.</summary>
    private sealed class DatabaseWriter : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly SqliteCommand _profile;
        private readonly SqliteCommand _environment;

        public DatabaseWriter(string path)
        {
            using (var db = new PartnerMatchingSqliteDbContext(new DbContextOptionsBuilder<PartnerMatchingSqliteDbContext>().UseSqlite($"Data Source={path}").Options))
            {
                db.Database.Migrate();
            }
            _connection = new SqliteConnection($"Data Source={path}");
            _connection.Open();
            _transaction = _connection.BeginTransaction();
            _profile = Command("""
                INSERT INTO Organisations (Id, Type, Name, Description, Competences, Offers, Themes, Languages, Region, ContactChannel, Published,
                    CompletedProjects, LastActiveAt, Version, CreatedAt, UpdatedAt)
                VALUES ($id, $type, $name, '', $competences, '[]', $themes, $languages, $region, '', $published, $completed, $at, 1, $at, $at)
                """);
            _environment = Command("""
                INSERT INTO Environments (Id, OwnerOrganisationId, Kind, Name, Address, Area, AgeGroups, Capacity, Rules, Published, Version, CreatedAt, UpdatedAt)
                VALUES ($id, $owner, $kind, 'Environment', '', '', '[]', 30, '', 1, 1, $at, $at)
                """);
        }

        private SqliteCommand Command(string sql)
        {
            var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql;
            return command;
        }

        public void Add(OrganisationProfile profile)
        {
            _profile.Parameters.Clear();
            _profile.Parameters.AddWithValue("$id", profile.Id.ToString().ToUpperInvariant());
            _profile.Parameters.AddWithValue("$type", profile.Type.ToString());
            _profile.Parameters.AddWithValue("$name", profile.Name);
            _profile.Parameters.AddWithValue("$competences", JsonSerializer.Serialize(profile.Competences.Concat(profile.Offers)));
            _profile.Parameters.AddWithValue("$themes", JsonSerializer.Serialize(profile.Themes));
            _profile.Parameters.AddWithValue("$languages", JsonSerializer.Serialize(profile.Languages));
            _profile.Parameters.AddWithValue("$region", profile.Region);
            _profile.Parameters.AddWithValue("$published", profile.Published);
            _profile.Parameters.AddWithValue("$completed", profile.CompletedProjects);
            _profile.Parameters.AddWithValue("$at", profile.LastActiveAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
            _profile.ExecuteNonQuery();
        }

        public void Add(RealEnvironment environment)
        {
            _environment.Parameters.Clear();
            _environment.Parameters.AddWithValue("$id", environment.Id.ToString().ToUpperInvariant());
            _environment.Parameters.AddWithValue("$owner", environment.OwnerOrganisationId.ToString().ToUpperInvariant());
            _environment.Parameters.AddWithValue("$kind", environment.Kind);
            _environment.Parameters.AddWithValue("$at", environment.UpdatedAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
            _environment.ExecuteNonQuery();
        }

        public void Commit() => _transaction.Commit();

        public void Dispose()
        {
            _profile.Dispose();
            _environment.Dispose();
            _transaction.Dispose();
            _connection.Dispose();
        }
    }
}
