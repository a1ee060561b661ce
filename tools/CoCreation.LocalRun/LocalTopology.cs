using System.Diagnostics;

namespace CoCreation.LocalRun;

/// <summary>A service as the AppHost knows it: resource name, project folder, database name.</summary>
public sealed record ServiceDefinition(string Name, string ProjectFolder, string? DatabaseName);

public sealed record TopologyOptions
{
    public required string DataFolder { get; init; }

    public string LogFolder => Path.Combine(DataFolder, "logs");

    public int GatewayPort { get; init; } = 5080;

    /// <summary>Port of each service, by resource name; the defaults match each service's launchSettings.json.</summary>
    public IReadOnlyDictionary<string, int> ServicePorts { get; init; } = new Dictionary<string, int>
    {
        ["ideas"] = 5101,
        ["partner-matching"] = 5102,
        ["projects"] = 5103,
        ["notifications"] = 5104,
        ["identity"] = 5105,
    };

    public BrokerPorts BrokerPorts { get; init; } = BrokerPorts.LocalDefault;

    /// <summary>A broker to use instead of starting one (an amqp:// URI).</summary>
    public string? ExternalBroker { get; init; }

    /// <summary>Further settings for every service, with the names the services read (for example Messaging__Outbox__MaxRetryDelay).</summary>
    public IReadOnlyDictionary<string, string> ExtraEnvironment { get; init; } = new Dictionary<string, string>();

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public Action<string> Progress { get; init; } = _ => { };
}

/// <summary>
/// The platform on this machine: what CoCreation.AppHost starts under Aspire, started as plain processes with the
/// same environment variables, so a service cannot tell the difference.
/// </summary>
public sealed class LocalTopology : IAsyncDisposable
{
    public static IReadOnlyList<ServiceDefinition> Services { get; } =
    [
        new("ideas", "services/ideas/CoCreation.Ideas", "ideasdb"),
        new("partner-matching", "services/partner-matching/CoCreation.PartnerMatching", "matchingdb"),
        new("projects", "services/projects/CoCreation.Projects", "projectsdb"),
        new("notifications", "services/notifications/CoCreation.Notifications", "notificationsdb"),
        new("identity", "services/identity/CoCreation.Identity", "identitydb"),
    ];

    /// <summary>The development API client the identity service seeds (see docs/api-guide.md).</summary>
    public const string DemoClientId = "demo-partner";

    public static ServiceDefinition Gateway { get; } = new("gateway", "gateway/CoCreation.Gateway", null);

    private readonly TopologyOptions _options;
    private readonly Dictionary<string, ManagedProcess> _processes = [];

    public PrivateRabbitMqBroker? Broker { get; private set; }

    public string BrokerConnectionString { get; private set; } = "";

    /// <summary>
    /// The demo client's secret: generated on the first run into the data folder and reused after, so it is never
    /// committed and stays the same across restarts of one installation.
    /// </summary>
    public string DemoClientSecret { get; private set; } = "";

    public string DemoClientSecretPath => Path.Combine(Path.GetFullPath(_options.DataFolder), "demo-client-secret");

    /// <summary>The demo people's password (docs/api-guide.md lists them), generated and kept like the client's secret.</summary>
    public string DemoUserPassword { get; private set; } = "";

    public string DemoUserPasswordPath => Path.Combine(Path.GetFullPath(_options.DataFolder), "demo-user-password");

    public Uri GatewayUrl => new($"http://localhost:{_options.GatewayPort}");

    /// <summary>Where each process writes its log, one file per service (for example notifications.log).</summary>
    public string LogFolder => Path.GetFullPath(_options.LogFolder);

    private LocalTopology(TopologyOptions options) => _options = options;

    public Uri ServiceUrl(string name) => new($"http://localhost:{_options.ServicePorts[name]}");

    public string DatabasePath(string name) => Path.Combine(Path.GetFullPath(_options.DataFolder), name + ".db");

    public static async Task<LocalTopology> StartAsync(TopologyOptions options, CancellationToken cancellationToken = default)
    {
        var topology = new LocalTopology(options);
        try
        {
            await topology.StartAllAsync(cancellationToken);
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }

    private async Task StartAllAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.DataFolder);
        DemoClientSecret = await GeneratedSecretAsync(DemoClientSecretPath, cancellationToken);
        DemoUserPassword = await GeneratedSecretAsync(DemoUserPasswordPath, cancellationToken);
        if (_options.ExternalBroker is { } external)
        {
            BrokerConnectionString = external;
            _options.Progress($"Using the broker given in ConnectionStrings__messaging");
        }
        else
        {
            _options.Progress($"Starting RabbitMQ on port {_options.BrokerPorts.Amqp} ...");
            var clock = Stopwatch.StartNew();
            Broker = new PrivateRabbitMqBroker(Path.Combine(_options.DataFolder, "rabbitmq"), _options.LogFolder, _options.BrokerPorts);
            await Broker.StartAsync(_options.StartTimeout, cancellationToken);
            BrokerConnectionString = Broker.ConnectionString;
            _options.Progress($"  RabbitMQ ready ({clock.Elapsed.TotalSeconds:0.0} s)");
        }

        await Task.WhenAll(Services.Select(service => StartServiceAsync(service, cancellationToken)));
        await StartServiceAsync(Gateway, cancellationToken);
    }

    /// <summary>Starts one service (or the gateway) and waits until its /health says it is ready.</summary>
    public async Task StartServiceAsync(ServiceDefinition service, CancellationToken cancellationToken = default)
    {
        var port = service == Gateway ? _options.GatewayPort : _options.ServicePorts[service.Name];
        var assembly = RepositoryLayout.ServiceAssembly(service.ProjectFolder);
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{assembly} is not built. Build first: dotnet build CoCreation.Local.slnf -c {RepositoryLayout.BuildConfiguration}", assembly);
        }
        if (PrivateRabbitMqBroker.IsListening(port))
        {
            throw new InvalidOperationException($"Port {port} for {service.Name} is already taken; is the platform already running?");
        }

        _options.Progress($"Starting {service.Name} on http://localhost:{port} ...");
        var clock = Stopwatch.StartNew();
        var process = ManagedProcess.Start(service.Name, "dotnet", [assembly], EnvironmentFor(service, port), _options.LogFolder,
            workingDirectory: Path.GetDirectoryName(assembly));
        _processes[service.Name] = process;
        await WaitUntilHealthyAsync(process, new Uri($"http://localhost:{port}/health"), cancellationToken);
        _options.Progress($"  {service.Name} healthy ({clock.Elapsed.TotalSeconds:0.0} s)");
    }

    public async Task StopServiceAsync(string name)
    {
        if (_processes.Remove(name, out var process))
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>A random secret kept in <paramref name="path"/>: made on the first run, the same on every run after.</summary>
    private static async Task<string> GeneratedSecretAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            await File.WriteAllTextAsync(path,
                Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'), cancellationToken);
        }
        return (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
    }

    private Dictionary<string, string> EnvironmentFor(ServiceDefinition service, int port)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://localhost:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["OTEL_SERVICE_NAME"] = service.Name,
        };
        var identity = ServiceUrl("identity").ToString().TrimEnd('/');
        if (service.Name == "identity")
        {
            environment["Identity__Issuer"] = identity + "/";
            environment["Identity__DemoClientSecret"] = DemoClientSecret;
            environment["Identity__DemoUserPassword"] = DemoUserPassword;
            // Links in account emails point at the address people reach: the gateway.
            environment["Identity__PublicBaseUrl"] = $"http://localhost:{_options.GatewayPort}";
            // The web front end, served through the gateway, signs people in with the authorisation code flow.
            environment["Identity__WebClient__RedirectUris__0"] = $"http://localhost:{_options.GatewayPort}/signin-callback";
            environment["Identity__WebClient__PostLogoutRedirectUris__0"] = $"http://localhost:{_options.GatewayPort}/";
        }
        if (service.DatabaseName is { } database)
        {
            environment["Database__Provider"] = "Sqlite";
            environment[$"ConnectionStrings__{database}"] = $"Data Source={DatabasePath(service.Name)}";
            environment["ConnectionStrings__messaging"] = BrokerConnectionString;
        }
        if (service.Name != "identity")
        {
            // Everyone else validates the identity service's access tokens.
            environment["Identity__Authority"] = identity;
        }
        if (service == Gateway)
        {
            foreach (var upstream in Services)
            {
                environment[$"services__{upstream.Name}__http__0"] = ServiceUrl(upstream.Name).ToString().TrimEnd('/');
            }
        }
        foreach (var (key, value) in _options.ExtraEnvironment)
        {
            environment[key] = value;
        }
        return environment;
    }

    private async Task WaitUntilHealthyAsync(ManagedProcess process, Uri health, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{process.Name} stopped while starting. Its log ({process.LogPath}) ends with:{Environment.NewLine}{string.Join(Environment.NewLine, process.LastLogLines(20))}");
            }
            try
            {
                using var response = await http.GetAsync(health, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow to answer while starting.
            }
            if (clock.Elapsed > _options.StartTimeout)
            {
                throw new TimeoutException($"{process.Name} was not healthy at {health} within {_options.StartTimeout.TotalSeconds:0} s; see {process.LogPath}.");
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>Stops the gateway first, then the services, then the broker: nothing it started is left running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_processes.Remove(Gateway.Name, out var gateway))
        {
            await gateway.DisposeAsync();
        }
        await Task.WhenAll(_processes.Values.Select(p => p.DisposeAsync().AsTask()));
        _processes.Clear();
        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }
    }
}
