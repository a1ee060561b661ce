using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace CoCreation.AppHost.Infrastructure;

/// <summary>
/// A private node of Debian's rabbitmq-server, run as a local process where no container runtime exists. Its
/// connection string has the same shape as the container's, so the services cannot tell the two apart.
/// </summary>
public sealed class LocalRabbitMqResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string AmqpEndpointName = "tcp";

    public EndpointReference AmqpEndpoint => new(this, AmqpEndpointName);

    /// <summary>Debian's node keeps its default user, which RabbitMQ lets in from loopback only.</summary>
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://guest:guest@{AmqpEndpoint.Property(EndpointProperty.Host)}:{AmqpEndpoint.Property(EndpointProperty.Port)}");
}

/// <summary>The ports one node needs: AMQP for clients, distribution and epmd for Erlang itself.</summary>
public sealed record BrokerPorts(int Amqp, int Distribution, int Epmd)
{
    /// <summary>Next to RabbitMQ's standard ports rather than on them, so a system broker can run beside ours.</summary>
    public static BrokerPorts LocalDefault { get; } = new(5673, 25673, 4370);

    public IEnumerable<int> All => [Amqp, Distribution, Epmd];
}

public static class LocalRabbitMqExtensions
{
    /// <summary>
    /// Adds the node as an executable resource: fixed ports on 127.0.0.1 (not proxied, so the Erlang node and its
    /// clients agree on them), data under <paramref name="dataFolder"/> so queues survive a restart, no plugins (the
    /// management plugin makes every stop take seconds longer), and a health check so that <c>WaitFor</c> works.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMqResource> AddLocalRabbitMq(this IDistributedApplicationBuilder builder,
        string name, string dataFolder, BrokerPorts ports)
    {
        Directory.CreateDirectory(dataFolder);
        var pluginsFile = Path.Combine(dataFolder, "enabled_plugins");
        if (!File.Exists(pluginsFile))
        {
            File.WriteAllText(pluginsFile, "[].");
        }

        var script = Path.Combine(builder.AppHostDirectory, "Infrastructure", "rabbitmq-node.sh");
        var resource = new LocalRabbitMqResource(name, script, dataFolder);
        var healthCheckKey = $"{name}_check";
        // One instance for every run of the check, so its connection is reused rather than opened each time.
        var healthCheck = new RabbitMqConnectionHealthCheck(new Uri($"amqp://guest:guest@127.0.0.1:{ports.Amqp}"));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey, _ => healthCheck, failureStatus: null, tags: null));

        string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
        return builder.AddResource(resource)
            .WithEndpoint(port: ports.Amqp, targetPort: ports.Amqp, scheme: "tcp", name: LocalRabbitMqResource.AmqpEndpointName, isProxied: false)
            .WithEnvironment("HOME", dataFolder) // the Erlang cookie lives here
            .WithEnvironment("ERL_EPMD_PORT", Port(ports.Epmd))
            .WithEnvironment("RABBITMQ_NODENAME", "cocreation-" + Port(ports.Amqp) + "@localhost")
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_NODE_PORT", Port(ports.Amqp))
            .WithEnvironment("RABBITMQ_DIST_PORT", Port(ports.Distribution))
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}")
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(dataFolder, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(dataFolder, "log"))
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", pluginsFile)
            .WithIconName("MailMultiple")
            .WithHealthCheck(healthCheckKey);
    }
}

/// <summary>Healthy while an AMQP connection opens; the connection is kept and opened again after the broker restarts.</summary>
internal sealed class RabbitMqConnectionHealthCheck(Uri broker) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not { IsOpen: true })
            {
                if (_connection is not null)
                {
                    await _connection.DisposeAsync();
                }
                _connection = await new ConnectionFactory { Uri = broker, AutomaticRecoveryEnabled = false }
                    .CreateConnectionAsync(cancellationToken);
            }
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _connection = null;
            return new HealthCheckResult(context.Registration.FailureStatus, "The broker does not accept connections.", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
        _gate.Dispose();
    }
}
