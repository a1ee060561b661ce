namespace CoCreation.Persistence;

public enum DatabaseProvider
{
    /// <summary>The embedded default: one file per service, no server to run.</summary>
    Sqlite,

    /// <summary>The production provider, as the AppHost provides it.</summary>
    SqlServer,
}

/// <summary>The <c>Database</c> configuration section. The provider is always stated, never guessed from a connection string.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider? Provider { get; set; }

    /// <summary>Apply pending migrations when the service starts. On by default in Development only.</summary>
    public bool? MigrateOnStartup { get; set; }
}
