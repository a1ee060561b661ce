using CoCreation.Identity.Infrastructure;
using CoCreation.Ideas.Infrastructure;
using CoCreation.Notifications.Infrastructure;
using CoCreation.PartnerMatching.Infrastructure;
using CoCreation.Projects.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CoCreation.Migrations.Tests;

public sealed class MigrationsTests
{
    private const string SqlServerConnection = "Server=localhost;Initial Catalog=unused;TrustServerCertificate=true";

    /// <summary>Each service's provider-specific contexts and the table its own model adds.</summary>
    public static TheoryData<string, string> Services => new()
    {
        { "ideas", "Ideas" },
        { "partner-matching", "MatchableIdeas" },
        { "projects", "OutboxMessages" },
        { "notifications", "Notifications" },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public void The_SQL_Server_script_creates_the_services_tables_with_the_outbox_and_inbox(string service, string ownTable)
    {
        using var context = SqlServerContext(service);

        var script = context.GetService<IMigrator>().GenerateScript();

        Assert.Contains($"CREATE TABLE [{ownTable}]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [OutboxMessages]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [InboxMessages]", script, StringComparison.Ordinal);
        Assert.Contains("CONSTRAINT [PK_InboxMessages] PRIMARY KEY ([MessageId], [Consumer])", script, StringComparison.Ordinal);
        Assert.Contains("[__EFMigrationsHistory]", script, StringComparison.Ordinal);
        Assert.DoesNotContain("AUTOINCREMENT", script, StringComparison.Ordinal); // no SQLite DDL in the SQL Server set
    }

    [Fact]
    public void The_ideas_SQL_Server_script_creates_the_full_text_index_where_the_server_has_the_feature()
    {
        using var context = SqlServerContext("ideas");

        var script = context.GetService<IMigrator>().GenerateScript();

        Assert.Contains("IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1", script, StringComparison.Ordinal);
        Assert.Contains("CREATE FULLTEXT INDEX ON Ideas (Title LANGUAGE 0, Summary LANGUAGE 0, Description LANGUAGE 0, SoughtCompetences LANGUAGE 0)", script, StringComparison.Ordinal);
        Assert.Contains("KEY INDEX PK_Ideas", script, StringComparison.Ordinal);
        Assert.Contains("CONSTRAINT [PK_Ideas] PRIMARY KEY", script, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO [TaxonomyTerms]", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ideas_SQLite_migrations_leave_the_search_triggers_on_the_final_Ideas_table()
    {
        var path = Path.Combine(Path.GetTempPath(), $"migrations-ideas-fts-{Guid.NewGuid():N}.db");
        try
        {
            await using var context = SqliteContext("ideas", $"Data Source={path}");
            await context.Database.MigrateAsync();

            var triggers = await context.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Ideas'").ToListAsync();
            Assert.Equal(["IdeaSearch_AfterDelete", "IdeaSearch_AfterInsert", "IdeaSearch_AfterUpdate"], triggers.Order());
            var themes = await context.Database.SqlQueryRaw<string>("SELECT Code AS Value FROM TaxonomyTerms WHERE Facet = 'Theme'").ToListAsync();
            Assert.Equal(8, themes.Count);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Neither_provider_has_model_changes_without_a_migration(string service, string ownTable)
    {
        _ = ownTable;
        using var sqlServer = SqlServerContext(service);
        using var sqlite = SqliteContext(service);

        Assert.False(sqlServer.Database.HasPendingModelChanges(), $"{service}: run scripts/add-migration.sh for SQL Server");
        Assert.False(sqlite.Database.HasPendingModelChanges(), $"{service}: run scripts/add-migration.sh for SQLite");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_SQLite_migrations_create_a_working_database(string service, string ownTable)
    {
        var path = Path.Combine(Path.GetTempPath(), $"migrations-{service}-{Guid.NewGuid():N}.db");
        try
        {
            await using (var context = SqliteContext(service, $"Data Source={path}"))
            {
                await context.Database.MigrateAsync();
                Assert.Empty(await context.Database.GetPendingMigrationsAsync());
                var tables = await context.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
                Assert.Contains(ownTable, tables);
                Assert.Contains("InboxMessages", tables);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_identity_service_migrations_are_complete_and_create_accounts_OAuth_and_client_tables()
    {
        using (var sqlServer = new IdentitySqlServerDbContext(SqlServer<IdentitySqlServerDbContext>()))
        {
            Assert.False(sqlServer.Database.HasPendingModelChanges(), "identity: run scripts/add-migration.sh for SQL Server");
            var script = sqlServer.GetService<IMigrator>().GenerateScript();
            Assert.Contains("CREATE TABLE [OpenIddictApplications]", script, StringComparison.Ordinal);
            Assert.Contains("CREATE TABLE [AspNetUsers]", script, StringComparison.Ordinal);
        }
        var path = Path.Combine(Path.GetTempPath(), $"migrations-identity-{Guid.NewGuid():N}.db");
        try
        {
            await using var sqlite = new IdentitySqliteDbContext(Sqlite<IdentitySqliteDbContext>($"Data Source={path}"));
            Assert.False(sqlite.Database.HasPendingModelChanges(), "identity: run scripts/add-migration.sh for SQLite");
            await sqlite.Database.MigrateAsync();
            var tables = await sqlite.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
            Assert.Contains("AspNetUsers", tables);
            Assert.Contains("OpenIddictApplications", tables);
            Assert.Contains("ApiClients", tables);
            Assert.Contains("Memberships", tables);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static DbContext SqlServerContext(string service) => service switch
    {
        "ideas" => new IdeasSqlServerDbContext(SqlServer<IdeasSqlServerDbContext>()),
        "partner-matching" => new PartnerMatchingSqlServerDbContext(SqlServer<PartnerMatchingSqlServerDbContext>()),
        "projects" => new ProjectsSqlServerDbContext(SqlServer<ProjectsSqlServerDbContext>()),
        "notifications" => new NotificationsSqlServerDbContext(SqlServer<NotificationsSqlServerDbContext>()),
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    private static DbContext SqliteContext(string service, string connection = "Data Source=:memory:") => service switch
    {
        "ideas" => new IdeasSqliteDbContext(Sqlite<IdeasSqliteDbContext>(connection)),
        "partner-matching" => new PartnerMatchingSqliteDbContext(Sqlite<PartnerMatchingSqliteDbContext>(connection)),
        "projects" => new ProjectsSqliteDbContext(Sqlite<ProjectsSqliteDbContext>(connection)),
        "notifications" => new NotificationsSqliteDbContext(Sqlite<NotificationsSqliteDbContext>(connection)),
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    private static DbContextOptions<T> SqlServer<T>() where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseSqlServer(SqlServerConnection).Options;

    private static DbContextOptions<T> Sqlite<T>(string connection) where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseSqlite(connection).Options;
}
