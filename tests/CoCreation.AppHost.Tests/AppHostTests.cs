using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace CoCreation.AppHost.Tests;

public sealed class AppHostTests
{
    private static readonly string[] PlatformResources =
        ["messaging", "identitydb", "ideasdb", "matchingdb", "projectsdb", "notificationsdb",
         "identity", "ideas", "partner-matching", "projects", "notifications", "gateway", "demo-client-secret", "demo-user-password"];

    [Theory]
    [InlineData("local", "executable.v0")]
    [InlineData("containers", "container.v0")]
    public async Task The_deployment_manifest_names_every_resource_in_either_mode(string mode, string brokerType)
    {
        var output = Directory.CreateTempSubdirectory("cocreation-manifest-");
        try
        {
            await using var host = AppHostProcess.Start(new Dictionary<string, string> { ["Platform__Infrastructure"] = mode },
                "--publisher", "manifest", "--output-path", output.FullName);
            await host.WaitForExitAsync(TimeSpan.FromMinutes(2));
            Assert.True(host.ExitCode == 0, host.Output);

            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output.FullName, "aspire-manifest.json")));
            var resources = manifest.RootElement.GetProperty("resources");
            Assert.All(PlatformResources, name => Assert.True(resources.TryGetProperty(name, out _), $"{name} is missing from the {mode} manifest"));
            Assert.Equal(brokerType, resources.GetProperty("messaging").GetProperty("type").GetString());
            foreach (var service in new[] { "identity", "ideas", "partner-matching", "projects", "notifications", "gateway" })
            {
                // Projects, so that a deployment tool builds each into a container.
                Assert.Equal("project.v0", resources.GetProperty(service).GetProperty("type").GetString());
            }
            if (mode == "containers")
            {
                Assert.Contains("mssql/server", resources.GetProperty("sql").GetProperty("image").GetString(), StringComparison.Ordinal);
                Assert.Contains("Database=ideasdb", resources.GetProperty("ideasdb").GetProperty("connectionString").GetString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_infrastructure_mode_stops_the_AppHost_with_one_line_that_says_what_to_do()
    {
        await using var host = AppHostProcess.Start(new Dictionary<string, string> { ["Platform__Infrastructure"] = "cloud" });
        await host.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, host.ExitCode);
        var line = Assert.Single(host.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("CoCreation cannot start: Platform__Infrastructure is 'cloud'; set it to auto (the default), containers or local.", line);
    }

    [Fact]
    public async Task A_port_already_taken_stops_the_AppHost_before_anything_starts()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var environment = RunEnvironment(Directory.CreateTempSubdirectory("cocreation-port-").FullName);
        environment["Platform__GatewayPort"] = taken.ToString(CultureInfo.InvariantCulture);

        await using var host = AppHostProcess.Start(environment);
        await host.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, host.ExitCode);
        Assert.Contains($"CoCreation cannot start: port {taken} (Platform__GatewayPort) is already taken", host.Output, StringComparison.Ordinal);
        Assert.Empty(host.Descendants());
    }

    [Fact]
    public async Task SIGTERM_stops_everything_the_AppHost_started_and_the_data_survives_a_restart()
    {
        var data = Directory.CreateTempSubdirectory("cocreation-run-").FullName;
        var environment = RunEnvironment(data);
        var gateway = new Uri($"http://localhost:{environment["Platform__GatewayPort"]}");
        using var http = new HttpClient { BaseAddress = gateway };
        Guid ideaId;
        try
        {
            await using (var first = AppHostProcess.Start(environment))
            {
                await first.WaitForOutputAsync("CoCreation is running", TimeSpan.FromMinutes(4));
                Assert.Contains(first.Output.Split(Environment.NewLine), line => line.Contains($"Open {gateway} in a browser", StringComparison.Ordinal));
                Assert.Contains("Infrastructure: local", first.Output, StringComparison.Ordinal);

                using var post = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ideas")
                {
                    Content = JsonContent.Create(new { kind = "need", title = "Kept across restarts", summary = "An idea that must survive a restart.",
                        themes = new[] { "learning-and-teaching" }, language = "en" }),
                };
                post.Headers.Add("X-Dev-Person-Id", "teacher-restart");
                post.Headers.Add("X-Dev-Organisation-Id", "5c0a7e10-0000-4000-8000-000000000001");
                using var created = await http.SendAsync(post);
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                ideaId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

                var started = first.Descendants();
                Assert.NotEmpty(started);
                first.Terminate();
                await first.WaitForExitAsync(TimeSpan.FromMinutes(1));
                Assert.Contains("Stopped; nothing left running.", first.Output, StringComparison.Ordinal);
                var left = started.Where(AppHostProcess.IsRunning).Select(pid => $"{pid}: {CommandLine(pid)}").ToList();
                Assert.True(left.Count == 0, "Still running after the AppHost stopped:" + Environment.NewLine + string.Join(Environment.NewLine, left));
            }

            await using var second = AppHostProcess.Start(environment);
            await second.WaitForOutputAsync("CoCreation is running", TimeSpan.FromMinutes(4));
            using var read = await http.GetAsync($"/api/v1/ideas/{ideaId}");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>What run.sh gives the AppHost, on ports and a data folder of the test's own.</summary>
    private static Dictionary<string, string> RunEnvironment(string dataFolder)
    {
        string Port() => AppHostProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://localhost:{Port()}",
            ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://localhost:{Port()}",
            ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{Port()}",
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
            ["Platform__Infrastructure"] = "local",
            ["Platform__DataFolder"] = dataFolder,
            ["Platform__GatewayPort"] = Port(),
            ["Platform__BrokerPort"] = Port(),
            ["Platform__BrokerDistributionPort"] = Port(),
            ["Platform__BrokerEpmdPort"] = Port(),
            ["Parameters__demo-client-secret"] = "test-client-secret-" + Guid.NewGuid().ToString("N"),
            ["Parameters__demo-user-password"] = "test-password-" + Guid.NewGuid().ToString("N"),
        };
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "(gone)";
        }
    }
}
