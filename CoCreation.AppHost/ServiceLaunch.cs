using System.Reflection;

namespace CoCreation.AppHost;

/// <summary>How a service of ours is launched: the one place that choice is made.</summary>
public static class ServiceLaunch
{
    /// <summary>The configuration the AppHost was built with; run.sh builds the services with the same one.</summary>
    public static string BuildConfiguration { get; } =
        typeof(ServiceLaunch).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>
    /// A service as a project resource, so the manifest describes it as a project that deployment tools build into a
    /// container. When running, the orchestrator starts its build output directly instead of <c>dotnet run --no-build</c>:
    /// the SDK process that wraps every service cost about 85 MB and several seconds of start each, for nothing,
    /// since the AppHost's build has already built the services.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name).WithHttpHealthCheck("/health");
        if (builder.ExecutionContext.IsRunMode)
        {
            var projectPath = new TProject().ProjectPath;
            var output = Path.Combine(Path.GetDirectoryName(projectPath)!, "bin", BuildConfiguration, "net10.0");
            var executable = Path.Combine(output, Path.GetFileNameWithoutExtension(projectPath));
            if (!File.Exists(executable))
            {
                throw new PlatformSettingsException(
                    $"{name} is not built ({executable} is missing): build first with 'dotnet build CoCreation.sln -c {BuildConfiguration}' (run.sh does).");
            }
            service.WithAnnotation(new ExecutableAnnotation { Command = executable, WorkingDirectory = output }, ResourceAnnotationMutationBehavior.Replace)
                // Workstation GC: an idle service keeps one small heap instead of one per core. Deployments choose
                // their own GC; this is for a whole platform on one developer machine.
                .WithEnvironment("DOTNET_gcServer", "0")
                // W^X maps all generated code twice; off, each idle service is about 25 MB smaller and starts faster.
                .WithEnvironment("DOTNET_EnableWriteXorExecute", "0")
                // Telemetry goes to the dashboard on this machine, which the orchestrator stops first: with OTLP's
                // 10 s default each service spent its last seconds exporting to nobody before it could exit.
                .WithEnvironment("OTEL_EXPORTER_OTLP_TIMEOUT", "1000");
        }
        return service;
    }
}
