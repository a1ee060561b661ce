using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using CoCreation.Web.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoCreation.Web.Tests;

/// <summary>The server refreshes a session's access token shortly before it expires, and ends the session when it may not.</summary>
public sealed class TokenRefreshTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TimeProvider _clock = new FixedClock(Now);

    [Fact]
    public async Task A_token_with_time_left_is_kept_and_the_identity_service_is_not_asked()
    {
        var identity = new TokenEndpoint(HttpStatusCode.OK, """{"access_token":"new"}""");
        var context = Session(expiresIn: TimeSpan.FromMinutes(10));

        await Refresh(identity).ValidateAsync(context);

        Assert.Equal(0, identity.Calls);
        Assert.Equal("old-access", context.Properties.GetTokenValue("access_token"));
        Assert.False(context.ShouldRenew);
    }

    [Fact]
    public async Task A_token_about_to_expire_is_refreshed_with_the_clients_secret_and_the_rotated_refresh_token_kept()
    {
        var identity = new TokenEndpoint(HttpStatusCode.OK, """{"access_token":"new-access","refresh_token":"new-refresh","expires_in":3600}""");
        var context = Session(expiresIn: TimeSpan.FromSeconds(90));

        await Refresh(identity).ValidateAsync(context);

        Assert.Equal("grant_type=refresh_token&refresh_token=old-refresh&client_id=cocreation-web&client_secret=s3cret", identity.LastBody);
        Assert.Equal(new Uri("https://city.example/connect/token"), identity.LastUri);
        Assert.Equal("new-access", context.Properties.GetTokenValue("access_token"));
        Assert.Equal("new-refresh", context.Properties.GetTokenValue("refresh_token"));
        Assert.Equal(Now.AddHours(1), DateTimeOffset.Parse(context.Properties.GetTokenValue("expires_at")!, CultureInfo.InvariantCulture));
        Assert.True(context.ShouldRenew);
        Assert.NotNull(context.Principal);
    }

    [Fact]
    public async Task A_refused_refresh_ends_the_session_so_the_next_page_signs_the_person_in_again()
    {
        var identity = new TokenEndpoint(HttpStatusCode.BadRequest, """{"error":"invalid_grant"}""");
        var context = Session(expiresIn: TimeSpan.FromSeconds(30));

        await Refresh(identity).ValidateAsync(context);

        Assert.Equal(1, identity.Calls);
        Assert.Null(context.Principal);
    }

    private TokenRefresh Refresh(TokenEndpoint identity) =>
        new(new Clients(identity), new WebSettings("https://city.example", "s3cret"), _clock, NullLogger<TokenRefresh>.Instance);

    private static CookieValidatePrincipalContext Session(TimeSpan expiresIn)
    {
        var properties = new AuthenticationProperties();
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = "access_token", Value = "old-access" },
            new AuthenticationToken { Name = "refresh_token", Value = "old-refresh" },
            new AuthenticationToken { Name = "expires_at", Value = Now.Add(expiresIn).ToString("o", CultureInfo.InvariantCulture) },
        ]);
        var services = new ServiceCollection().AddLogging().AddAuthentication().AddCookie().Services.BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "person-1")], "test"));
        var scheme = new AuthenticationScheme(CookieAuthenticationDefaults.AuthenticationScheme, null, typeof(CookieAuthenticationHandler));
        return new CookieValidatePrincipalContext(http, scheme, new CookieAuthenticationOptions(), new AuthenticationTicket(principal, properties, scheme.Name));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class Clients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    /// <summary>The identity service's token endpoint, answering one fixed way, for this unit's tests only.</summary>
    private sealed class TokenEndpoint(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        public string? LastBody { get; private set; }

        public Uri? LastUri { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            LastUri = request.RequestUri;
            LastBody = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }
}
