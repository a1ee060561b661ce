using System.Collections.Concurrent;
using System.Diagnostics;

namespace CoCreation.AppHost;

/// <summary>
/// Tells the person who started the platform what it starts and when each part is healthy, and once all are, where
/// to go: the gateway, the dashboard with a way in, and where the development secrets are.
/// </summary>
public sealed class StartupReport
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, bool> _waitingFor = new();
    private int _announced;

    public void Say(string line) => Console.WriteLine($"[{_clock.Elapsed.TotalSeconds,5:0.0}s] {line}");

    /// <summary>Reports each resource when it turns healthy, and prints <paramref name="whenAllHealthy"/> once all have.</summary>
    public void Watch(IDistributedApplicationBuilder builder, IEnumerable<IResource> resources, Func<IEnumerable<string>> whenAllHealthy)
    {
        var watched = resources.ToList();
        Say($"Starting {string.Join(", ", watched.Select(r => r.Name))} ...");
        foreach (var resource in watched)
        {
            _waitingFor[resource.Name] = true;
            builder.Eventing.Subscribe<ResourceReadyEvent>(resource, (_, _) =>
            {
                Say($"  {resource.Name} healthy");
                _waitingFor.TryRemove(resource.Name, out _);
                if (_waitingFor.IsEmpty && Interlocked.Exchange(ref _announced, 1) == 0)
                {
                    foreach (var line in whenAllHealthy())
                    {
                        Say(line);
                    }
                }
                return Task.CompletedTask;
            });
        }
    }
}
