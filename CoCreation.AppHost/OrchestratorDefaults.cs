namespace CoCreation.AppHost;

/// <summary>How this platform asks Aspire's orchestrator to behave, whoever launches the AppHost (run.sh, a test, an IDE).</summary>
public static class OrchestratorDefaults
{
    /// <summary>The AppHost's arguments with our defaults in front, so that an operator's own arguments still win.</summary>
    public static string[] Arguments(string[] args)
    {
        // Each process the orchestrator starts gets a monitor process of its own (about 23 MB each) that stops it should
        // the orchestrator itself crash. The orchestrator stops everything on every ordinary stop, and on one machine the
        // memory matters more; a deployment does not use the orchestrator at all.
        Environment.SetEnvironmentVariable("DCP_DISABLE_MONITOR_PROCESS", "true");
        // The orchestrator's API server waits this long before it exits; its controllers still wait for every process
        // they stop. Measured: 2 s took the whole stop from 6.6 s to 4.0 s, and every service still stopped by itself.
        Environment.SetEnvironmentVariable("DCP_SHUTDOWN_TIMEOUT_SECONDS", "2");
        string[] defaults =
        [
            // The AppHost asks NuGet for a newer Aspire at every start: the platform calls nothing that nobody asked for.
            "--ASPIRE_VERSION_CHECK_DISABLED=true",
            // The AppHost's run returns only once the orchestrator has stopped every resource (its own last process
            // follows a moment later; see OrchestratorExit).
            "--DcpPublisher:WaitForResourceCleanup=true",
            .. Dashboard.AccessArguments(),
        ];
        return [.. defaults, .. args];
    }
}

