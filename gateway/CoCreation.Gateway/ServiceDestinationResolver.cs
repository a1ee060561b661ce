using Yarp.ReverseProxy.Configuration;

namespace CoCreation.Gateway;

/// <summary>
/// A destination written as <c>http://ideas</c> names a service, not a host: its address comes from
/// <c>services:ideas:http:0</c> (environment variable <c>services__ideas__http__0</c>), the variable the AppHost
/// and the local run inject. This is what Aspire's YARP service discovery package would do; it is not available here.
/// </summary>
internal sealed class ServiceDestinationResolver(IConfiguration configuration) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        if (cluster.Destinations is null)
        {
            return ValueTask.FromResult(cluster);
        }

        var destinations = cluster.Destinations.ToDictionary(
            pair => pair.Key,
            pair => pair.Value with { Address = Resolve(cluster.ClusterId, pair.Value.Address) },
            StringComparer.OrdinalIgnoreCase);
        return ValueTask.FromResult(cluster with { Destinations = destinations });
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) => ValueTask.FromResult(route);

    private string Resolve(string clusterId, string address)
    {
        var uri = new Uri(address);
        if (uri.Host.Contains('.', StringComparison.Ordinal) || uri.IsLoopback || uri.HostNameType != UriHostNameType.Dns)
        {
            return address; // a real host name or address, used as written
        }

        var key = $"services:{uri.Host}:{uri.Scheme}:0";
        return configuration[key] ?? throw new InvalidOperationException(
            $"Cluster '{clusterId}' points at service '{uri.Host}', but {key} is not set. " +
            $"Set the environment variable services__{uri.Host}__{uri.Scheme}__0 to the service's URL (the local run and the AppHost do).");
    }
}
