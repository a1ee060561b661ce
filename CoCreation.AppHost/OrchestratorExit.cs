namespace CoCreation.AppHost;

/// <summary>
/// The orchestrator's processes detach from the AppHost, and its last one finishes cleaning up a second or two after
/// the AppHost's run returns. They are noted while they run, so the AppHost can wait for them and "stopped" means
/// nothing is left.
/// </summary>
public sealed class OrchestratorExit
{
    private IReadOnlyList<int> _processes = [];

    /// <summary>Notes the orchestrator's processes once it has created the resources, while all of them still run.</summary>
    public void Watch(IDistributedApplicationBuilder builder) =>
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((_, _) =>
        {
            _processes = WatchingChain(Environment.ProcessId);
            return Task.CompletedTask;
        });

    /// <summary>Waits, at most <paramref name="within"/>, until every noted process has exited; returns whether they all have.</summary>
    public bool WaitUntilGone(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (_processes.Any(IsRunning))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            Thread.Sleep(100);
        }
        return true;
    }

    /// <summary>The processes that watch <paramref name="pid"/> (they name it with --monitor), and those that watch them.</summary>
    private static List<int> WatchingChain(int pid)
    {
        var commandLines = Directory.EnumerateDirectories("/proc")
            .Select(folder => (Ok: int.TryParse(Path.GetFileName(folder), out var id), Id: id, Folder: folder))
            .Where(entry => entry.Ok)
            .ToDictionary(entry => entry.Id, entry => Read(Path.Combine(entry.Folder, "cmdline")).Replace('\0', ' '));
        var found = new List<int>();
        var pending = new Stack<int>([pid]);
        while (pending.TryPop(out var watched))
        {
            foreach (var (id, commandLine) in commandLines)
            {
                if (!found.Contains(id) && commandLine.Contains($"--monitor {watched} ", StringComparison.Ordinal))
                {
                    found.Add(id);
                    pending.Push(id);
                }
            }
        }
        return found;
    }

    /// <summary>A zombie waiting for its parent to read its exit code runs nothing.</summary>
    private static bool IsRunning(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        return stat.Length > 0 && stat[(stat.LastIndexOf(')') + 2)] is not ('Z' or 'X');
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ""; // the process ended while we looked
        }
    }
}
