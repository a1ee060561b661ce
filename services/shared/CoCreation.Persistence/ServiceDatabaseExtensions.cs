using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoCreation.Persistence;

public static class ServiceDatabaseExtensions
{
    public const string MigrateCommand = "migrate";

    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the provider named in <c>Database:Provider</c>, with the
    /// connection string <c>ConnectionStrings:{connectionName}</c> (the name the AppHost gives the database).
    /// Each provider has its own migrations, held by a thin subclass of the context, as EF Core recommends.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqliteContext, TSqlServerContext>(
        this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
        where TSqliteContext : TContext
        where TSqlServerContext : TContext
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = options.Provider ?? throw new InvalidOperationException(
            $"Database:Provider is not set. Set it to {DatabaseProvider.Sqlite} or {DatabaseProvider.SqlServer} " +
            "(environment variable Database__Provider); the services' appsettings.json default to Sqlite.");
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} is not set (environment variable ConnectionStrings__{connectionName}).");
        }

        builder.Services.AddSingleton(new ServiceDatabaseInfo(provider, connectionName, options.MigrateOnStartup ?? builder.Environment.IsDevelopment()));

        void Configure(IServiceProvider services, DbContextOptionsBuilder db)
        {
            switch (provider)
            {
                case DatabaseProvider.Sqlite:
                    db.UseSqlite(PrepareSqliteConnectionString(connectionString));
                    break;
                case DatabaseProvider.SqlServer:
                    db.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure());
                    break;
                default:
                    throw new InvalidOperationException($"Unknown database provider '{provider}'.");
            }
            // Mechanisms such as the outbox hook into SaveChanges through interceptors registered in DI.
            db.AddInterceptors(services.GetServices<IInterceptor>());
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            builder.Services.AddDbContext<TContext, TSqliteContext>(Configure);
        }
        else
        {
            builder.Services.AddDbContext<TContext, TSqlServerContext>(Configure);
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>($"{connectionName}-database");
        return builder;
    }

    /// <summary>
    /// Applies pending migrations when <c>Database:MigrateOnStartup</c> says so (Development by default).
    /// Started as <c>CoCreation.X migrate</c>, the service applies them and exits: the explicit command for production.
    /// Returns true when the process should exit.
    /// </summary>
    public static async Task<bool> MigrateDatabaseAsync<TContext>(this WebApplication app, string[] args)
        where TContext : DbContext
    {
        var info = app.Services.GetRequiredService<ServiceDatabaseInfo>();
        var migrateOnly = args.Contains(MigrateCommand, StringComparer.OrdinalIgnoreCase);
        if (!migrateOnly && !info.MigrateOnStartup)
        {
            return false;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("CoCreation.Persistence");
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        logger.LogInformation("Database {Database} ({Provider}): applying {Count} pending migration(s)", info.ConnectionName, info.Provider, pending.Count);
        await db.Database.MigrateAsync();
        if (info.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers and the outbox dispatcher work while a request writes; the mode persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        return migrateOnly;
    }

    /// <summary>SQLite creates the file but not its folder; a fresh clone has no data folder yet.</summary>
    private static string PrepareSqliteConnectionString(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        // Wait for a concurrent writer rather than fail with "database is locked".
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }
}

/// <summary>What the service was configured with, for start-up and diagnostics.</summary>
public sealed record ServiceDatabaseInfo(DatabaseProvider Provider, string ConnectionName, bool MigrateOnStartup);
