using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace CoCreation.AppHost.Tests;

/// <summary>The built AppHost started as a process, as run.sh starts it, with its output kept for assertions.</summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppHostProcess(Process process)
    {
        _process = process;
    }

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Executable { get; } = Path.Combine(RepositoryRoot, "CoCreation.AppHost", "bin",
        typeof(AppHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration, "net10.0", "CoCreation.AppHost");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output => string.Join(Environment.NewLine, _output);

    public static AppHostProcess Start(IDictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = Path.GetDirectoryName(Executable)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info };
        var host = new AppHostProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { host._output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { host._output.Enqueue(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until a line of output contains <paramref name="text"/>; fails with the output if the AppHost exits or the time runs out.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!_output.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The AppHost exited ({_process.ExitCode}) before printing '{text}':{Environment.NewLine}{Output}");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The AppHost did not print '{text}' within {within.TotalSeconds:0} s:{Environment.NewLine}{Output}");
            }
            await Task.Delay(200);
        }
    }

    public async Task WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The AppHost did not exit within {within.TotalSeconds:0} s:{Environment.NewLine}{Output}");
        }
    }

    /// <summary>Sends SIGTERM, as a service manager or Ctrl-C in run.sh's terminal would.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>
    /// Every process the AppHost started: its own children, and the orchestrator (which detaches itself, naming the
    /// AppHost it watches with <c>--monitor</c>) with the broker, the dashboard and the services below it.
    /// </summary>
    public IReadOnlyList<int> Descendants()
    {
        var children = new Dictionary<int, List<int>>();
        var roots = new List<int> { _process.Id };
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
                var commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains($"--monitor {_process.Id} ", StringComparison.Ordinal))
                {
                    roots.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        var found = roots.Skip(1).ToList();
        var pending = new Stack<int>(roots);
        while (pending.TryPop(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid, []))
            {
                found.Add(child);
                pending.Push(child);
            }
        }
        return found;
    }

    /// <summary>A process that is gone, or a zombie waiting for its parent to read its exit code, runs nothing.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var state = File.ReadAllText($"/proc/{pid}/stat");
            return state[(state.LastIndexOf(')') + 2)] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Terminate();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CoCreation.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"CoCreation.sln not found above {AppContext.BaseDirectory}.");
    }
}
