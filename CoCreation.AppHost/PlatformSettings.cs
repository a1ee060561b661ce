using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CoCreation.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CoCreation.AppHost;

/// <summary>
/// The AppHost's own settings (section <c>Platform</c>, environment variables <c>Platform__*</c>), read and checked
/// before anything starts: a broken setting stops the AppHost with one line that says what to do.
/// </summary>
public sealed record PlatformSettings
{
    public required InfrastructureMode Mode { get; init; }

    /// <summary>Why this mode: given by the operator, or what the machine has.</summary>
    public required string ModeReason { get; init; }

    /// <summary>SQLite files and the local broker's data; kept between runs.</summary>
    public required string DataFolder { get; init; }

    public required int GatewayPort { get; init; }

    public required BrokerPorts BrokerPorts { get; init; }

    /// <summary>Requests per client and minute at the gateway (<c>Platform__GatewayRateLimit</c>); null keeps the gateway's own default.</summary>
    public int? GatewayRateLimit { get; init; }

    public static PlatformSettings Read(IDistributedApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Platform");
        var (mode, reason) = (section["Infrastructure"] ?? "auto").ToLowerInvariant() switch
        {
            "auto" => PlatformInfrastructure.ContainerRuntimeAnswers()
                ? (InfrastructureMode.Containers, "a container runtime answered 'docker info'")
                : (InfrastructureMode.Local, "no container runtime answered 'docker info'"),
            "containers" => (InfrastructureMode.Containers, "Platform__Infrastructure=containers"),
            "local" => (InfrastructureMode.Local, "Platform__Infrastructure=local"),
            var unknown => throw new PlatformSettingsException(
                $"Platform__Infrastructure is '{unknown}'; set it to auto (the default), containers or local."),
        };

        var dataFolder = Path.GetFullPath(section["DataFolder"] ?? Path.Combine(builder.AppHostDirectory, "..", ".local"));
        var brokerPorts = new BrokerPorts(
            Port(section, "BrokerPort", BrokerPorts.LocalDefault.Amqp),
            Port(section, "BrokerDistributionPort", BrokerPorts.LocalDefault.Distribution),
            Port(section, "BrokerEpmdPort", BrokerPorts.LocalDefault.Epmd));
        return new PlatformSettings
        {
            Mode = mode,
            ModeReason = reason,
            DataFolder = dataFolder,
            GatewayPort = Port(section, "GatewayPort", 5080),
            BrokerPorts = brokerPorts,
            GatewayRateLimit = section["GatewayRateLimit"] is { } limit
                ? int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var permits) && permits > 0
                    ? permits
                    : throw new PlatformSettingsException($"Platform__GatewayRateLimit is '{limit}'; it must be a positive number of requests per minute.")
                : null,
        };
    }

    /// <summary>Fails before the start when a fixed port is taken, rather than leaving half the platform running.</summary>
    public static void EnsurePortsAreFree(IEnumerable<(string Setting, int Port)> fixedPorts)
    {
        foreach (var (setting, port) in fixedPorts)
        {
            if (IsListening(port))
            {
                throw new PlatformSettingsException(
                    $"port {port} ({setting}) is already taken: is CoCreation already running? Stop it, or set {setting} to a free port.");
            }
        }
    }

    private static int Port(IConfiguration section, string key, int fallback)
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new PlatformSettingsException($"Platform__{key} is '{text}'; it must be a port number from 1 to 65535.");
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <summary>A setting the platform cannot start with; its message is the one line a person reads.</summary>
public sealed class PlatformSettingsException(string message) : Exception(message);
