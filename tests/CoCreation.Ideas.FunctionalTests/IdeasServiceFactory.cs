using CoCreation.Ideas.Infrastructure;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Ideas.FunctionalTests;

public sealed class IdeasServiceFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"ideas-tests-{Guid.NewGuid():N}.db");

    /// <summary>Real Kestrel on a free port, so that its limits (the request body size) apply as in production.</summary>
    public IdeasServiceFactory()
    {
        UseKestrel(0);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:ideasdb", $"Data Source={_databasePath}");
        builder.UseSetting("ConnectionStrings:messaging", "amqp://guest:guest@localhost:1");
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness());
    }

    public async Task<(int Ideas, int OutboxMessages)> CountStoredAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdeasDbContext>();
        return (await db.Ideas.CountAsync(), await db.OutboxMessages.CountAsync());
    }

    /// <summary>The outbox row of an idea's event, once the dispatcher has handed it to the bus (bounded wait).</summary>
    public async Task<CoCreation.Messaging.Outbox.OutboxMessage> WaitForOutboxRowAsync(Guid ideaId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdeasDbContext>();
            var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Body.Contains(ideaId.ToString()));
            if (row.SentAt is not null || DateTime.UtcNow > deadline)
            {
                return row;
            }
            await Task.Delay(100);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_databasePath)!, Path.GetFileName(_databasePath) + "*"))
        {
            File.Delete(file);
        }
    }
}
