using System.Reflection;

namespace CoCreation.LocalRun;

/// <summary>Where the repository and the built services are, found from wherever this assembly runs.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration this tool was built with; the services are expected built the same way.</summary>
    public static string BuildConfiguration { get; } =
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string ServiceAssembly(string projectFolder)
    {
        var name = Path.GetFileName(projectFolder);
        return Path.Combine(Root, projectFolder, "bin", BuildConfiguration, "net10.0", name + ".dll");
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
        throw new InvalidOperationException($"CoCreation.sln not found above {AppContext.BaseDirectory}; run from a clone of the repository.");
    }
}
