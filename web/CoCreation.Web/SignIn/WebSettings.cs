namespace CoCreation.Web.SignIn;

/// <summary>
/// Where the platform is and how this client proves itself: <c>Web:PublicBaseUrl</c>, the gateway's public address
/// (API calls, discovery and sign-in all go there, as a partner system's would), and <c>Web:ClientSecret</c>, the
/// confidential client's secret, which the AppHost generates.
/// </summary>
public sealed record WebSettings(string PublicBaseUrl, string ClientSecret)
{
    public static WebSettings Read(IConfiguration configuration)
    {
        var baseUrl = configuration["Web:PublicBaseUrl"];
        var secret = configuration["Web:ClientSecret"];
        if (string.IsNullOrWhiteSpace(baseUrl) || string.IsNullOrWhiteSpace(secret))
        {
            throw new InvalidOperationException(
                "Set Web:PublicBaseUrl (the gateway's public address) and Web:ClientSecret (the cocreation-web client's secret, the same as the " +
                "identity service's Identity:WebClient:Secret). The AppHost sets both; start the platform with ./run.sh.");
        }
        return new WebSettings(baseUrl.TrimEnd('/'), secret);
    }
}
