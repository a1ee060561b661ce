using CoCreation.Messaging.Inbox;
using CoCreation.Messaging.Outbox;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoCreation.Messaging.Tests;

public sealed class GreetingConsumer(TestDbContext db, TimeProvider clock, ILogger<GreetingConsumer> logger)
    : IdempotentConsumer<SomethingHappened, TestDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(SomethingHappened message, ConsumeContext<SomethingHappened> context)
    {
        Db.Greetings.Add(new Greeting { Text = message.Text });
        return Task.CompletedTask;
    }
}

/// <summary>Renames greetings with a bulk update, the way consumers apply an erasure, and can fail after it.</summary>
public sealed class RenamingConsumer(TestDbContext db, TimeProvider clock, ILogger<RenamingConsumer> logger)
    : IdempotentConsumer<GreetingsRenamed, TestDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(GreetingsRenamed message, ConsumeContext<GreetingsRenamed> context)
    {
        await Db.Greetings.Where(g => g.Text == message.From).ExecuteUpdateAsync(u => u.SetProperty(g => g.Text, message.To));
        if (message.FailAfterUpdate)
        {
            throw new InvalidOperationException("The handler failed after its bulk update.");
        }
    }
}

public sealed record GreetingsRenamed(string From, string To, bool FailAfterUpdate);

public sealed class OutboxAndInboxTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _database = new();
    private ServiceProvider _services = null!;
    private ITestHarness _harness = null!;

    /// <summary>While true, every publish to the bus fails, as it does when the broker is unreachable.</summary>
    private volatile bool _brokerDown;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<OutboxSignal>()
            .AddDbContext<TestDbContext>(o => o.UseSqlite(_database.ConnectionString))
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddConsumer<GreetingConsumer>();
                bus.AddConsumer<RenamingConsumer>();
                bus.UsingInMemory((context, memory) =>
                {
                    memory.ConfigurePublish(publish => publish.UseExecute(_ =>
                    {
                        if (_brokerDown)
                        {
                            throw new InvalidOperationException("The broker is unreachable.");
                        }
                    }));
                    memory.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider();
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    [Fact]
    public async Task The_dispatcher_publishes_a_committed_row_with_the_row_id_as_MessageId_and_marks_it_sent()
    {
        var row = await AddOutboxRowAsync(new SomethingHappened(Guid.NewGuid(), "hello"));

        await CreateDispatcher().DispatchDueMessagesAsync(CancellationToken.None);

        Assert.True(await _harness.Published.Any<SomethingHappened>(m => m.Context.MessageId == row.Id));
        var stored = await ReadRowAsync(row.Id);
        Assert.NotNull(stored.SentAt);
        Assert.Equal(0, stored.Attempts);
    }

    [Fact]
    public async Task A_failed_publish_keeps_the_row_schedules_a_retry_and_the_next_due_round_delivers_it()
    {
        var row = await AddOutboxRowAsync(new SomethingHappened(Guid.NewGuid(), "patience"));
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        var dispatcher = CreateDispatcher(clock);

        _brokerDown = true;
        await dispatcher.DispatchDueMessagesAsync(CancellationToken.None);
        var failed = await ReadRowAsync(row.Id);
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("unreachable", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddSeconds(1), failed.NextAttemptAt, TimeSpan.FromMilliseconds(5));

        _brokerDown = false;
        await dispatcher.DispatchDueMessagesAsync(CancellationToken.None);
        Assert.Null((await ReadRowAsync(row.Id)).SentAt); // not due yet: the retry waits its delay

        clock.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DispatchDueMessagesAsync(CancellationToken.None);
        var sent = await ReadRowAsync(row.Id);
        Assert.NotNull(sent.SentAt);
        Assert.Null(sent.LastError);
        Assert.True(await _harness.Published.Any<SomethingHappened>(m => m.Context.MessageId == row.Id));
    }

    [Fact]
    public async Task A_message_delivered_twice_with_one_MessageId_changes_state_once()
    {
        var messageId = Guid.NewGuid();
        var message = new SomethingHappened(Guid.NewGuid(), "only once");

        await _harness.Bus.Publish(message, context => context.MessageId = messageId);
        await _harness.Bus.Publish(message, context => context.MessageId = messageId);

        // The harness lists received messages by MessageId, so it cannot count the copies; wait until the bus is idle.
        await _harness.InactivityTask;
        await using var db = _database.CreateContext();
        Assert.Equal(1, await db.Greetings.CountAsync(g => g.Text == "only once"));
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.MessageId == messageId));
        Assert.False(await _harness.Consumed.Any<SomethingHappened>(m => m.Exception is not null));
    }

    [Fact]
    public async Task A_handler_that_fails_after_a_bulk_update_leaves_nothing_changed_and_no_inbox_record()
    {
        await using (var seed = _database.CreateContext())
        {
            seed.Greetings.Add(new Greeting { Text = "before" });
            await seed.SaveChangesAsync();
        }
        var messageId = Guid.NewGuid();

        await _harness.Bus.Publish(new GreetingsRenamed("before", "half done", FailAfterUpdate: true), context => context.MessageId = messageId);

        Assert.True(await _harness.Consumed.Any<GreetingsRenamed>(m => m.Exception is not null));
        await using var db = _database.CreateContext();
        Assert.Equal(["before"], await db.Greetings.Select(g => g.Text).ToListAsync());
        Assert.False(await db.InboxMessages.AnyAsync(m => m.MessageId == messageId));
    }

    [Fact]
    public async Task A_bulk_update_and_its_inbox_record_commit_together()
    {
        await using (var seed = _database.CreateContext())
        {
            seed.Greetings.Add(new Greeting { Text = "old name" });
            await seed.SaveChangesAsync();
        }
        var messageId = Guid.NewGuid();

        await _harness.Bus.Publish(new GreetingsRenamed("old name", "new name", FailAfterUpdate: false), context => context.MessageId = messageId);

        var consumer = _harness.GetConsumerHarness<RenamingConsumer>();
        Assert.True(await consumer.Consumed.Any<GreetingsRenamed>(m => m.Exception is null));
        await using var db = _database.CreateContext();
        Assert.Equal(["new name"], await db.Greetings.Select(g => g.Text).ToListAsync());
        Assert.True(await db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == nameof(RenamingConsumer)));
    }

    [Fact]
    public async Task Different_messages_each_change_state()
    {
        await _harness.Bus.Publish(new SomethingHappened(Guid.NewGuid(), "first"), context => context.MessageId = Guid.NewGuid());
        await _harness.Bus.Publish(new SomethingHappened(Guid.NewGuid(), "second"), context => context.MessageId = Guid.NewGuid());

        var consumer = _harness.GetConsumerHarness<GreetingConsumer>();
        Assert.True(await WaitUntilAsync(() => consumer.Consumed.Select<SomethingHappened>().Count() == 2));
        await using var db = _database.CreateContext();
        Assert.Equal(2, await db.Greetings.CountAsync());
    }

    private OutboxDispatcher<TestDbContext> CreateDispatcher(TimeProvider? clock = null) => new(
        _services.GetRequiredService<IServiceScopeFactory>(),
        _harness.Bus,
        new OutboxSignal(),
        Microsoft.Extensions.Options.Options.Create(new OutboxOptions()),
        clock ?? TimeProvider.System,
        NullLogger<OutboxDispatcher<TestDbContext>>.Instance);

    private async Task<OutboxMessage> AddOutboxRowAsync(SomethingHappened message)
    {
        await using var db = _database.CreateContext();
        var row = OutboxMessage.For(message, DateTime.UtcNow.AddSeconds(-1));
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync();
        return row;
    }

    private async Task<OutboxMessage> ReadRowAsync(Guid id)
    {
        await using var db = _database.CreateContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(20);
        }
        return true;
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
    }

    public void Dispose() => _database.Dispose();
}

/// <summary>A clock the test moves by hand, so retry delays are checked without waiting for them.</summary>
public sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
