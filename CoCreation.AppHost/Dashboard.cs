using System.Globalization;
using System.Net;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace CoCreation.AppHost;

/// <summary>The operators' window: how it is reached, and who may open it without a token.</summary>
public static class Dashboard
{
    private const string AllowAnonymous = "ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS";

    private static readonly string[] UrlSettings =
        ["ASPNETCORE_URLS", "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"];

    /// <summary>The argument that lets people in without a token: only in Development, and only when the dashboard listens on loopback alone.</summary>
    public static IEnumerable<string> AccessArguments()
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");
        var urls = Urls(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"));
        if (string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase) && urls.Count > 0 && urls.All(IsLoopback))
        {
            yield return $"--{AllowAnonymous}=true";
        }
    }

    /// <summary>The dashboard's fixed ports, checked before the start (its browser, telemetry and resource-service URLs).</summary>
    public static IEnumerable<(string Setting, int Port)> Ports(IConfiguration configuration) =>
        UrlSettings.SelectMany(key => Urls(configuration[key]).Select(url => (key, url.Port)))
            .Where(port => port.Port > 0);

    /// <summary>The dashboard's address and the way in that works: plain on an anonymous loopback dashboard, else the login link with its token.</summary>
    public static string WayIn(IConfiguration configuration)
    {
        var url = Urls(configuration["ASPNETCORE_URLS"]).FirstOrDefault();
        if (url is null)
        {
            return "not running (no ASPNETCORE_URLS for the AppHost)";
        }
        var address = url.GetLeftPart(UriPartial.Authority);
        return configuration.GetValue<bool>(AllowAnonymous) || configuration["AppHost:BrowserToken"] is not { Length: > 0 } token
            ? address
            : $"{address}/login?t={token}";
    }

    /// <summary>Where generated, persisted parameters (the development secrets) are kept.</summary>
    public static string UserSecretsPath { get; } = PathHelper.GetSecretsPathFromSecretsId(
        typeof(Dashboard).Assembly.GetCustomAttribute<UserSecretsIdAttribute>()!.UserSecretsId);

    private static List<Uri> Urls(string? value) =>
        (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .ToList();

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
