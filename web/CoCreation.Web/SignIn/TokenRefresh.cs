using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CoCreation.Web.SignIn;

/// <summary>
/// Refreshes a session's access token on the server, shortly before it expires, with the refresh token and this
/// client's secret. When the refresh is refused (the person was removed, the identity session ended) the session ends
/// and the next page that needs a person sends them to sign in again.
/// </summary>
public sealed class TokenRefresh(IHttpClientFactory httpClients, WebSettings settings, TimeProvider clock, ILogger<TokenRefresh> logger)
{
    public const string HttpClientName = "token-refresh";

    /// <summary>Refresh this long before expiry, so a page's API calls never carry a token that lapses midway.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is null || !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires)
            || expires - clock.GetUtcNow() > Margin)
        {
            return;
        }
        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        var refreshed = refreshToken is null ? null : await RefreshAsync(refreshToken, context.HttpContext.RequestAborted);
        if (refreshed is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.Properties.UpdateTokenValue("access_token", refreshed.AccessToken);
        if (refreshed.RefreshToken is { } rotated)
        {
            context.Properties.UpdateTokenValue("refresh_token", rotated);
        }
        context.Properties.UpdateTokenValue("expires_at",
            clock.GetUtcNow().AddSeconds(refreshed.ExpiresIn).ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }

    private async Task<TokenResponse?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        using var http = httpClients.CreateClient(HttpClientName);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = WebSignIn.ClientId,
            ["client_secret"] = settings.ClientSecret,
        });
        using var response = await http.PostAsync(new Uri(settings.PublicBaseUrl + "/connect/token"), form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogInformation("Refreshing a session's access token was refused ({Status}); the person signs in again", (int)response.StatusCode);
            return null;
        }
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = json.RootElement;
        return new TokenResponse(
            root.GetProperty("access_token").GetString()!,
            root.TryGetProperty("refresh_token", out var rotated) ? rotated.GetString() : null,
            root.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 3600);
    }

    private sealed record TokenResponse(string AccessToken, string? RefreshToken, int ExpiresIn);
}
