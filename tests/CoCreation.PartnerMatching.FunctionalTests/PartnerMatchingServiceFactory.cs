using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.PartnerMatching.Infrastructure;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.PartnerMatching.FunctionalTests;

/// <summary>The partner-matching service on a real SQLite file, fed the ideas service's events through MassTransit's in-memory harness.</summary>
public sealed class PartnerMatchingServiceFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"matching-tests-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:matchingdb", $"Data Source={_databasePath}");
        builder.UseSetting("ConnectionStrings:messaging", "amqp://guest:guest@localhost:1");
        builder.UseSetting("Matching:RefreshInterval", "00:00:00.200");
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness());
    }

    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

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
        return client;
    }

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
        return rows.Select(r => JsonSerializer.Deserialize<T>(r.Body, JsonSerializerOptions.Web)!).ToList();
    });

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

public static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string? namingField = null)
    {
        var problem = await ReadAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (namingField is not null)
        {
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(e => e.Name == namingField),
                $"the problem should name '{namingField}': {problem}");
        }
        return problem;
    }
}
