using System.Net.Http.Headers;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Testing;

/// <summary>
/// A service hosted in-process as in Development, on a real SQLite file of its own (migrated at start), removed when
/// the tests end. Services that use messaging get MassTransit's in-memory harness in place of the broker: the events'
/// journey over a real RabbitMQ is the end-to-end tests' job.
/// </summary>
public abstract class SqliteServiceFactory<TProgram> : WebApplicationFactory<TProgram>
    where TProgram : class
{
    private readonly string _connectionName;
    private readonly bool _usesMessaging;

    protected SqliteServiceFactory(string connectionName, bool usesMessaging = true)
    {
        _connectionName = connectionName;
        _usesMessaging = usesMessaging;
        DatabasePath = Path.Combine(Path.GetTempPath(), $"{connectionName}-tests-{Guid.NewGuid():N}.db");
    }

    public string DatabasePath { get; }

    /// <summary>Settings a test class needs on top of the defaults.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting($"ConnectionStrings:{_connectionName}", $"Data Source={DatabasePath}");
        builder.UseSetting("ConnectionStrings:messaging", "amqp://guest:guest@localhost:1");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            if (_usesMessaging)
            {
                services.AddMassTransitTestHarness();
            }
            ConfigureTestServices(services);
        });
    }

    /// <summary>A client acting as <paramref name="person"/> for <paramref name="organisation"/> with <paramref name="roles"/> (the development identity headers); anonymous when person is null.</summary>
    public HttpClient ClientAs(string? person, Guid? organisation = null, string? roles = null)
    {
        var client = CreateClient();
        if (person is not null)
        {
            client.DefaultRequestHeaders.Add("X-Dev-Person-Id", person);
        }
        if (organisation is not null)
        {
            client.DefaultRequestHeaders.Add("X-Dev-Organisation-Id", organisation.ToString());
        }
        if (roles is not null)
        {
            client.DefaultRequestHeaders.Add("X-Dev-Roles", roles);
        }
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(DatabasePath)!, Path.GetFileName(DatabasePath) + "*"))
        {
            File.Delete(file);
        }
        GC.SuppressFinalize(this);
    }
}
