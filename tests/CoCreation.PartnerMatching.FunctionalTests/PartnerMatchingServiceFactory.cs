using System.Text.Json;
using CoCreation.PartnerMatching.Infrastructure;
using CoCreation.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.PartnerMatching.FunctionalTests;

/// <summary>The partner-matching service on a real SQLite file, fed the ideas service's events through MassTransit's in-memory harness.</summary>
public sealed class PartnerMatchingServiceFactory() : SqliteServiceFactory<Program>("matchingdb")
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Matching:RefreshInterval", "00:00:00.200")];

    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    public async Task<T> WithDbAsync<T>(Func<PartnerMatchingDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PartnerMatchingDbContext>());
    }

    /// <summary>Delivers an event as the broker would, and waits until the consumer has recorded it (bounded).</summary>
    public async Task DeliverAsync<T>(T message)
        where T : class
    {
        var messageId = Guid.NewGuid();
        await Harness.Bus.Publish(message, (PublishContext<T> context) => context.MessageId = messageId);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await WithDbAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == messageId)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(30);
        }
    }

    /// <summary>The events of type <typeparamref name="T"/> in the outbox that mention <paramref name="id"/>.</summary>
    public Task<List<T>> OutboxEventsAsync<T>(Guid id) => WithDbAsync(async db =>
    {
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType.StartsWith(typeof(T).FullName + ",") && m.Body.Contains(id.ToString()))
            .OrderBy(m => m.Id).ToListAsync();
        return rows.Select(r => JsonSerializer.Deserialize<T>(r.Body, CoCreation.IntegrationEvents.PlatformJson.Options)!).ToList();
    });
}
