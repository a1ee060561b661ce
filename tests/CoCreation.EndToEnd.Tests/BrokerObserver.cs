using System.Collections.Concurrent;
using MassTransit;

namespace CoCreation.EndToEnd.Tests;

/// <summary>
/// A bus of the test's own on the platform's real broker, with a temporary queue bound to the events it watches:
/// it sees exactly what the services' consumers see.
/// </summary>
public sealed class BrokerObserver : IAsyncDisposable
{
    private readonly ConcurrentQueue<object> _received = new();
    private readonly IBusControl _bus;

    private BrokerObserver(string brokerUri, Action<IRabbitMqReceiveEndpointConfigurator, ConcurrentQueue<object>> handlers)
    {
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(brokerUri));
            // The platform's events carry enums by name.
            rabbit.ConfigureJsonSerializerOptions(options =>
            {
                options.Converters.Add(CoCreation.IntegrationEvents.PlatformJson.NamesWrittenNumbersRead());
                return options;
            });
            rabbit.ReceiveEndpoint($"e2e-observer-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                handlers(endpoint, _received);
            });
        });
    }

    /// <summary>Starts observing the given event types.</summary>
    public static async Task<BrokerObserver> StartAsync(string brokerUri, params Type[] eventTypes)
    {
        var observer = new BrokerObserver(brokerUri, (endpoint, received) =>
        {
            foreach (var type in eventTypes)
            {
                typeof(BrokerObserver).GetMethod(nameof(Record), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(type).Invoke(null, [endpoint, received]);
            }
        });
        await observer._bus.StartAsync();
        return observer;
    }

    private static void Record<T>(IRabbitMqReceiveEndpointConfigurator endpoint, ConcurrentQueue<object> received)
        where T : class =>
        endpoint.Handler<T>(context =>
        {
            received.Enqueue(context.Message);
            return Task.CompletedTask;
        });

    /// <summary>The observed events of type <typeparamref name="T"/> matching <paramref name="match"/>, once there are <paramref name="count"/> (bounded wait).</summary>
    public async Task<List<T>> WaitForAsync<T>(Func<T, bool> match, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var found = _received.OfType<T>().Where(match).ToList();
            if (found.Count >= count || DateTime.UtcNow > deadline)
            {
                return found;
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
