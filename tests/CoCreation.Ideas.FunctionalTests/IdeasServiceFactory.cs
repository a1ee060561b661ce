using System.Text.Json;
using CoCreation.Ideas.Infrastructure;
using CoCreation.Messaging.Outbox;
using CoCreation.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Ideas.FunctionalTests;

/// <summary>
/// The ideas service on real Kestrel (a free port, so its limits apply as in production) and a real SQLite file,
/// migrated as in Development. MassTransit's in-memory harness stands in for the broker: the events' journey over
/// a real RabbitMQ is the end-to-end tests' job. The clock can be moved forward to open and close challenges.
/// </summary>
public sealed class IdeasServiceFactory : SqliteServiceFactory<Program>
{
    public IdeasServiceFactory()
        : base("ideasdb")
    {
        UseKestrel(0);
        StartServer();
    }

    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    public async Task<T> WithDbAsync<T>(Func<IdeasDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IdeasDbContext>());
    }

    public Task<(int Ideas, int OutboxMessages)> CountStoredAsync() =>
        WithDbAsync(async db => (await db.Ideas.CountAsync(), await db.OutboxMessages.CountAsync()));

    /// <summary>The events of type <typeparamref name="T"/> in the outbox that mention <paramref name="id"/>.</summary>
    public Task<List<T>> OutboxEventsAsync<T>(Guid id) => WithDbAsync(async db =>
    {
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType.StartsWith(typeof(T).FullName + ",") && m.Body.Contains(id.ToString()))
            .OrderBy(m => m.Id).ToListAsync();
        return rows.Select(r => JsonSerializer.Deserialize<T>(r.Body, CoCreation.IntegrationEvents.PlatformJson.Options)!).ToList();
    });

    /// <summary>The outbox row of an event of type <typeparamref name="T"/> about <paramref name="id"/>, once the dispatcher has sent it (bounded wait).</summary>
    public async Task<OutboxMessage> WaitForSentOutboxRowAsync<T>(Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var row = await WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                .SingleAsync(m => m.MessageType.StartsWith(typeof(T).FullName + ",") && m.Body.Contains(id.ToString())));
            if (row.SentAt is not null || DateTime.UtcNow > deadline)
            {
                return row;
            }
            await Task.Delay(100);
        }
    }
}

/// <summary>A clock tests move forward by hand (never back: the outbox compares its rows' times with it).</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long _offsetTicks = start.UtcTicks - DateTimeOffset.UtcNow.UtcTicks;

    /// <summary>Real time plus however far the test has moved it.</summary>
    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow.AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
