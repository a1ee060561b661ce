using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace CoCreation.LocalRun;

/// <summary>
/// A RabbitMQ node of our own, from Debian's rabbitmq-server: its own node name, ports, data folder and epmd,
/// so it neither needs a service manager nor disturbs a broker the machine already runs. Stopping it stops
/// everything it started. Its data folder survives, so messages and queues survive a restart.
/// </summary>
public sealed class PrivateRabbitMqBroker : IAsyncDisposable
{
    public const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    private readonly BrokerPorts _ports;
    private readonly string _dataFolder;
    private readonly string _logFolder;
    private ManagedProcess? _epmd;
    private ManagedProcess? _server;

    public PrivateRabbitMqBroker(string dataFolder, string logFolder, BrokerPorts ports)
    {
        _dataFolder = Path.GetFullPath(dataFolder);
        _logFolder = Path.GetFullPath(logFolder);
        _ports = ports;
    }

    public int AmqpPort => _ports.Amqp;

    /// <summary>The connection string the services take as <c>ConnectionStrings__messaging</c>.</summary>
    public string ConnectionString => $"amqp://guest:guest@localhost:{_ports.Amqp}";

    public static bool IsInstalled => File.Exists(ServerScript);

    public async Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException(
                $"RabbitMQ is not installed ({ServerScript} is missing). Install it with 'apt-get install -y rabbitmq-server' " +
                "(the run and test scripts do this for you), or give a broker in ConnectionStrings__messaging.");
        }
        if (IsListening(_ports.Amqp))
        {
            throw new InvalidOperationException($"Port {_ports.Amqp} is already taken; stop what listens there or choose another broker port.");
        }

        Directory.CreateDirectory(_dataFolder);
        var pluginsFile = Path.Combine(_dataFolder, "enabled_plugins");
        if (!File.Exists(pluginsFile))
        {
            await File.WriteAllTextAsync(pluginsFile, "[].", cancellationToken); // no plugins: a faster start
        }

        var environment = new Dictionary<string, string>
        {
            ["HOME"] = _dataFolder, // the Erlang cookie lives here
            ["ERL_EPMD_PORT"] = _ports.Epmd.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_NODENAME"] = $"cocreation-{_ports.Amqp}@localhost",
            ["RABBITMQ_NODE_PORT"] = _ports.Amqp.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = _ports.Distribution.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_dataFolder, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(_dataFolder, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = pluginsFile,
        };

        // epmd in the foreground is ours to stop; rabbitmq-server would otherwise start a daemon that outlives us.
        _epmd = ManagedProcess.Start("epmd", "epmd", ["-port", _ports.Epmd.ToString(CultureInfo.InvariantCulture)], environment, _logFolder);
        await WaitUntilListeningAsync(_ports.Epmd, TimeSpan.FromSeconds(10), _epmd, cancellationToken);
        _server = ManagedProcess.Start("rabbitmq", ServerScript, [], environment, _logFolder);
        await WaitUntilListeningAsync(_ports.Amqp, timeout, _server, cancellationToken);
    }

    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
        if (_epmd is not null)
        {
            await _epmd.DisposeAsync();
            _epmd = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private static async Task WaitUntilListeningAsync(int port, TimeSpan timeout, ManagedProcess process, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!IsListening(port))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{process.Name} exited while starting. Its log ({process.LogPath}) ends with:{Environment.NewLine}{string.Join(Environment.NewLine, process.LastLogLines(15))}");
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{process.Name} did not listen on port {port} within {timeout.TotalSeconds:0} s; see {process.LogPath}.");
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <summary>The three ports a node needs: AMQP for clients, distribution and epmd for Erlang itself.</summary>
public sealed record BrokerPorts(int Amqp, int Distribution, int Epmd)
{
    /// <summary>Next to RabbitMQ's standard ports rather than on them, so a system broker can run beside ours.</summary>
    public static BrokerPorts LocalDefault { get; } = new(5673, 25673, 4370);
}
