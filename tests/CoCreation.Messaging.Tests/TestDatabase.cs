using CoCreation.Messaging;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Messaging.Tests;

/// <summary>A minimal service database: one table of state plus the shared outbox and inbox.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : MessagingDbContext(options)
{
    public DbSet<Greeting> Greetings => Set<Greeting>();
}

public sealed class Greeting
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Text { get; set; } = "";
}

public sealed record SomethingHappened(Guid SomethingId, string Text);

/// <summary>A SQLite file in the temp folder, removed when the test ends.</summary>
public sealed class TestDatabase : IDisposable
{
    public string ConnectionString { get; } = $"Data Source={Path.Combine(Path.GetTempPath(), $"messaging-tests-{Guid.NewGuid():N}.db")}";

    public TestDatabase()
    {
        using var db = CreateContext();
        db.Database.EnsureCreated();
    }

    public TestDbContext CreateContext() => new(new DbContextOptionsBuilder<TestDbContext>().UseSqlite(ConnectionString).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
        {
            File.Delete(file);
        }
    }
}
