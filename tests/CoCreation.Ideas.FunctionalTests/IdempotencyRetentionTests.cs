using System.Net;
using System.Net.Http.Json;
using CoCreation.ApiConventions;
using Microsoft.Extensions.DependencyInjection;
using static CoCreation.Ideas.FunctionalTests.IdeasTestKit;

namespace CoCreation.Ideas.FunctionalTests;

public sealed class IdempotencyRetentionTests(IdeasServiceFactory factory) : IClassFixture<IdeasServiceFactory>
{
    [Fact]
    public async Task A_key_is_kept_for_a_day_then_counts_as_new_and_its_record_is_deleted()
    {
        var key = Guid.NewGuid().ToString();
        var owner = factory.ClientAs("teacher-anna", School);
        async Task<HttpResponseMessage> CreateAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ideas") { Content = JsonContent.Create(ValidIdea("Kept for a day")) };
            request.Headers.Add("Idempotency-Key", key);
            return await owner.SendAsync(request);
        }

        var first = (await ReadJsonAsync(await CreateAsync(), HttpStatusCode.Created)).Id();
        factory.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(first, (await ReadJsonAsync(await CreateAsync(), HttpStatusCode.Created)).Id());

        factory.Clock.Advance(TimeSpan.FromHours(2));
        var afterADay = (await ReadJsonAsync(await CreateAsync(), HttpStatusCode.Created)).Id();
        Assert.NotEqual(first, afterADay);

        factory.Clock.Advance(TimeSpan.FromHours(25));
        var deleted = await factory.WithDbAsync(db => IdempotencyRetention.DeleteExpiredAsync(db, IdempotencyRetention.Default, factory.Clock.GetUtcNow().UtcDateTime, default));
        Assert.True(deleted >= 1);
        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.Set<IdempotentRequest>().Count())));
    }
}
