using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace CoCreation.AppHost.Infrastructure;

/// <summary>Where the broker and the databases come from: chosen once per machine, explicitly, and printed at start.</summary>
public enum InfrastructureMode
{
    /// <summary>RabbitMQ and SQL Server as containers (a container runtime answered).</summary>
    Containers,

    /// <summary>Debian's rabbitmq-server as a local process and a SQLite file per service: the embedded default.</summary>
    Local,
}

/// <summary>What the services are given: the broker, a database per service and the provider that reads it.</summary>
public sealed class PlatformInfrastructure
{
    public required IResourceBuilder<IResourceWithConnectionString> Messaging { get; init; }

    /// <summary>The value of the services' <c>Database__Provider</c>: Sqlite or SqlServer.</summary>
    public required string DatabaseProvider { get; init; }

    public required Func<string, IResourceBuilder<IResourceWithConnectionString>> Database { get; init; }

    /// <summary>Ports the infrastructure takes as they are (not proxied), with the setting that chooses each, to check before the start.</summary>
    public IReadOnlyList<(string Setting, int Port)> FixedPorts { get; init; } = [];

    /// <summary>One line for the person starting the platform: what runs where.</summary>
    public required string Description { get; init; }

    /// <summary>The databases, one per service, named as the services read them (<c>ConnectionStrings__ideasdb</c>).</summary>
    public static IReadOnlyList<string> DatabaseNames { get; } = ["identitydb", "ideasdb", "matchingdb", "projectsdb", "notificationsdb"];

    public static PlatformInfrastructure Add(IDistributedApplicationBuilder builder, PlatformSettings settings)
    {
        // Operators may give their own broker or SQL Server; whatever they give wins in either mode.
        var givenBroker = !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("messaging"));
        var givenDatabases = DatabaseNames.All(name => !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name)));

        IResourceBuilder<IResourceWithConnectionString> messaging;
        string brokerDescription;
        List<(string Setting, int Port)> fixedPorts = [];
        if (givenBroker)
        {
            messaging = builder.AddConnectionString("messaging");
            brokerDescription = "the broker given in ConnectionStrings__messaging";
        }
        else if (settings.Mode == InfrastructureMode.Containers)
        {
            messaging = builder.AddRabbitMQ("messaging").WithManagementPlugin().WithDataVolume();
            brokerDescription = "RabbitMQ in a container";
        }
        else
        {
            messaging = builder.AddLocalRabbitMq("messaging", Path.Combine(settings.DataFolder, "rabbitmq"), settings.BrokerPorts);
            brokerDescription = $"RabbitMQ as a local process on 127.0.0.1:{settings.BrokerPorts.Amqp}";
            fixedPorts = [("Platform__BrokerPort", settings.BrokerPorts.Amqp), ("Platform__BrokerDistributionPort", settings.BrokerPorts.Distribution),
                ("Platform__BrokerEpmdPort", settings.BrokerPorts.Epmd)];
        }

        var (provider, database, databaseDescription) = (givenDatabases, settings.Mode) switch
        {
            (true, _) => ("SqlServer", (Func<string, IResourceBuilder<IResourceWithConnectionString>>)(name => builder.AddConnectionString(name)),
                "the SQL Server databases given in ConnectionStrings__<name>"),
            (false, InfrastructureMode.Containers) => ("SqlServer", SqlServerContainer.Add(builder, "sql").AddDatabase,
                "SQL Server in a container, a database per service"),
            _ => ("Sqlite", name => builder.AddConnectionString(name,
                    ReferenceExpression.Create($"Data Source={Path.Combine(settings.DataFolder, SqliteFileName(name))}")),
                $"SQLite files in {settings.DataFolder}"),
        };
        return new PlatformInfrastructure
        {
            Messaging = messaging,
            FixedPorts = fixedPorts,
            DatabaseProvider = provider,
            Database = database,
            Description = $"{brokerDescription}; {databaseDescription}",
        };
    }

    /// <summary>The service's own name for its file (ideas.db, partner-matching.db, ...), as the data folder has always held them.</summary>
    public static string SqliteFileName(string databaseName) => databaseName switch
    {
        "matchingdb" => "partner-matching.db",
        _ => databaseName[..^"db".Length] + ".db",
    };

    /// <summary>
    /// Asks the daemon, not the PATH: these machines have a <c>docker</c> command with no daemon behind it, and forcing
    /// containers there leaves the container resources Unknown while every service waits for them.
    /// </summary>
    public static bool ContainerRuntimeAnswers()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (docker is null)
            {
                return false;
            }
            if (!docker.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                docker.Kill(entireProcessTree: true);
                return false;
            }
            return docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no docker command at all
        }
    }
}
