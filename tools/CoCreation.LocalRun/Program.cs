using System.Diagnostics;
using System.Runtime.InteropServices;
using CoCreation.LocalRun;

// Runs the platform until Ctrl-C or SIGTERM, then stops everything it started.
// Settings (environment variables): COCREATION_DATA (data folder, default .local), COCREATION_GATEWAY_PORT
// (default 5080), ConnectionStrings__messaging (an existing broker instead of the private one).
var dataFolder = Environment.GetEnvironmentVariable("COCREATION_DATA") ?? Path.Combine(RepositoryLayout.Root, ".local");
var gatewayPort = int.TryParse(Environment.GetEnvironmentVariable("COCREATION_GATEWAY_PORT"), out var port) ? port : 5080;
var externalBroker = Environment.GetEnvironmentVariable("ConnectionStrings__messaging");

using var stopping = new CancellationTokenSource();
using var onSigTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stopping.Cancel(); });
using var onSigInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stopping.Cancel(); });

var clock = Stopwatch.StartNew();
void Say(string line) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,5:0.0}s] {line}");

LocalTopology topology;
try
{
    topology = await LocalTopology.StartAsync(new TopologyOptions
    {
        DataFolder = dataFolder,
        GatewayPort = gatewayPort,
        ExternalBroker = string.IsNullOrWhiteSpace(externalBroker) ? null : externalBroker,
        Progress = Say,
    }, stopping.Token);
}
catch (OperationCanceledException)
{
    Say("Stopped before the platform was up.");
    return 130;
}
catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or FileNotFoundException)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine($"Could not start CoCreation: {ex.Message}");
    return 1;
}

await using (topology)
{
    Say($"CoCreation is running. Gateway: {topology.GatewayUrl}");
    Say($"Development API client: client_id {LocalTopology.DemoClientId}, secret in {topology.DemoClientSecretPath} (see docs/api-guide.md)");
    Say($"Development people: admin@, moderator@, partner-admin@, partner-member@, school@, resident@cocreation.test, password in {topology.DemoUserPasswordPath}");
    Say($"Data in {Path.GetFullPath(dataFolder)}, logs in {Path.Combine(Path.GetFullPath(dataFolder), "logs")}. Press Ctrl-C to stop.");
    try
    {
        await Task.Delay(Timeout.Infinite, stopping.Token);
    }
    catch (OperationCanceledException)
    {
        Say("Stopping ...");
    }
}
Say("Stopped; nothing left running.");
return 0;
