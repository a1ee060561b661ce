using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.Testing;
using CoCreation.Identity.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Identity.FunctionalTests;

/// <summary>People sign in with the authorisation code flow and PKCE; their tokens say who they are and for which organisation they act.</summary>
public sealed class SignInTests(IdentityServiceFactory factory) : IClassFixture<IdentityServiceFactory>
{
    private static JwtSecurityToken Read(JsonElement tokens) => new JwtSecurityTokenHandler().ReadJwtToken(tokens.GetProperty("access_token").GetString());

    [Fact]
    public async Task An_organisation_admin_signs_in_and_gets_a_token_for_the_organisation_with_their_role_in_it()
    {
        var tokens = await factory.SignInAsync("partner-admin@cocreation.test");

        var token = Read(tokens);
        Assert.Equal("http://identity.test/", token.Issuer);
        Assert.Equal(["cocreation-api"], token.Audiences);
        Assert.Equal(IdentityServiceFactory.DemoOrganisation.ToString(), token.Claims.Single(c => c.Type == "organisation_id").Value);
        Assert.Equal("admin", token.Claims.Single(c => c.Type == "organisation_role").Value);
        Assert.Equal("Paula Partner", token.Claims.Single(c => c.Type == "name").Value);
        Assert.DoesNotContain(token.Claims, c => c.Type == "role");
        Assert.True(tokens.TryGetProperty("refresh_token", out _));
        Assert.True(tokens.TryGetProperty("id_token", out _));
    }

    [Fact]
    public async Task Platform_roles_and_a_city_unit_are_in_the_token()
    {
        var moderator = Read(await factory.SignInAsync("moderator@cocreation.test"));
        var school = Read(await factory.SignInAsync("school@cocreation.test"));

        Assert.Equal(["moderator"], moderator.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.DoesNotContain(moderator.Claims, c => c.Type == "organisation_id");
        Assert.Equal(["city-unit"], school.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.Equal(IdentityServiceFactory.DemoSchool.ToString(), school.Claims.Single(c => c.Type == "organisation_id").Value);
    }

    [Fact]
    public async Task A_refresh_gives_a_new_token_that_shows_a_changed_role()
    {
        var tokens = await factory.SignInAsync("partner-member@cocreation.test");
        Assert.Equal("member", Read(tokens).Claims.Single(c => c.Type == "organisation_role").Value);
        var admin = await factory.AccessTokenAsync("partner-admin@cocreation.test");
        var memberId = Read(tokens).Subject;
        using (var promoted = await factory.ClientWithToken(admin).PutAsJsonAsync(
                   $"/api/v1/organisations/{IdentityServiceFactory.DemoOrganisation}/members/{memberId}", new { role = "admin" }))
        {
            Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        }

        try
        {
            using var refreshed = await factory.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token", ["client_id"] = WebClientRegistration.ClientId, ["client_secret"] = IdentityServiceFactory.WebClientSecret, ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
            }));
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
            Assert.Equal("admin", Read(await refreshed.Content.ReadFromJsonAsync<JsonElement>()).Claims.Single(c => c.Type == "organisation_role").Value);
        }
        finally
        {
            using var restored = await factory.ClientWithToken(admin).PutAsJsonAsync(
                $"/api/v1/organisations/{IdentityServiceFactory.DemoOrganisation}/members/{memberId}", new { role = "member" });
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        }
    }

    [Fact]
    public async Task A_code_without_its_PKCE_verifier_gets_no_token()
    {
        var browser = factory.Browser();
        var code = await IdentityServiceFactory.AuthoriseAsync(browser, "resident@cocreation.test", IdentityServiceFactory.DemoPassword, new string('v', 50), null, "openid ideas.read");

        using var response = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = WebClientRegistration.ClientId, ["client_secret"] = IdentityServiceFactory.WebClientSecret, ["code"] = code,
            ["redirect_uri"] = IdentityServiceFactory.RedirectUri, ["code_verifier"] = new string('w', 50),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_wrong_password_shows_the_sign_in_page_again_with_an_error_and_sets_no_cookie()
    {
        var browser = factory.Browser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await browser.GetStringAsync("/account/login");
        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = OAuthBrowser.AntiforgeryToken(page),
            ["email"] = "resident@cocreation.test", ["password"] = "not the password at all", ["returnUrl"] = "/connect/authorize",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The email address or the password is wrong", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("cocreation.signin", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, null, "fi", "Kirjaudu sisään")]
    [InlineData("sv-FI,sv;q=0.9", null, "sv", "Logga in")]
    [InlineData("sv", "c=en|uic=en", "en", "Sign in")]
    public async Task The_sign_in_page_speaks_the_language_chosen_on_the_web_or_the_browsers_and_Finnish_by_default(
        string? acceptLanguage, string? cultureCookie, string lang, string heading)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        if (cultureCookie is not null)
        {
            request.Headers.Add("Cookie", $".AspNetCore.Culture={Uri.EscapeDataString(cultureCookie)}");
        }
        using var response = await factory.Browser().SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<html lang=\"{lang}\">", page, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_form_refuses_a_post_without_its_anti_forgery_token()
    {
        using var response = await factory.Browser().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "resident@cocreation.test", ["password"] = IdentityServiceFactory.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("cocreation.signin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sign_in_page_shows_no_message_taken_from_its_address()
    {
        using var response = await factory.Browser().GetAsync("/account/login?error=Your%20account%20is%20locked.%20Call%20%2B358%20555%200100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Call +358", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\r\nSet-Cookie: x=y")]
    [InlineData("~/connect/authorize")]
    public async Task After_sign_in_only_a_local_return_address_is_followed(string returnUrl)
    {
        var browser = factory.Browser();
        var page = await browser.GetStringAsync("/account/login");
        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = OAuthBrowser.AntiforgeryToken(page),
            ["email"] = "resident@cocreation.test", ["password"] = IdentityServiceFactory.DemoPassword, ["returnUrl"] = returnUrl,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/callback")]
    [InlineData("not a uri")]
    public async Task An_unregistered_or_malformed_redirect_uri_is_an_OAuth2_error_and_never_a_redirect(string redirectUri)
    {
        using var response = await factory.Browser().GetAsync(
            $"/connect/authorize?client_id={WebClientRegistration.ClientId}&response_type=code&scope=openid&code_challenge={new string('c', 43)}" +
            $"&code_challenge_method=S256&redirect_uri={Uri.EscapeDataString(redirectUri)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_request", error.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error_description").GetString()));
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task An_unknown_scope_at_the_authorisation_endpoint_is_invalid_scope()
    {
        using var response = await factory.Browser().GetAsync(
            $"/connect/authorize?client_id={WebClientRegistration.ClientId}&response_type=code&scope=openid%20everything.write&code_challenge={new string('c', 43)}" +
            $"&code_challenge_method=S256&redirect_uri={Uri.EscapeDataString(IdentityServiceFactory.RedirectUri)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid_scope", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_person_asking_for_an_organisation_they_do_not_belong_to_is_denied()
    {
        var browser = factory.Browser();
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => IdentityServiceFactory.AuthoriseAsync(
            browser, "resident@cocreation.test", IdentityServiceFactory.DemoPassword, new string('v', 50), IdentityServiceFactory.DemoOrganisation, "openid"));
        Assert.Contains("error=access_denied", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompt_login_asks_a_signed_in_person_for_the_password_again_once_and_then_issues_the_code()
    {
        var browser = factory.Browser();
        var oauth = new OAuthBrowser(browser, IdentityServiceFactory.RedirectUri, IdentityServiceFactory.WebClientSecret);
        await oauth.SignInAsync("resident@cocreation.test", IdentityServiceFactory.DemoPassword); // the browser is now signed in
        var challenge = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(new string('v', 50))))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        using var asked = await browser.GetAsync(
            $"/connect/authorize?client_id={WebClientRegistration.ClientId}&response_type=code&scope=openid&prompt=login&code_challenge={challenge}" +
            $"&code_challenge_method=S256&state=xyz&redirect_uri={Uri.EscapeDataString(IdentityServiceFactory.RedirectUri)}");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var loginPage = asked.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/login", loginPage, StringComparison.Ordinal);
        var returnUrl = Uri.UnescapeDataString(loginPage.Split("ReturnUrl=")[1]);
        Assert.DoesNotContain("prompt=login", returnUrl, StringComparison.Ordinal);

        var form = await browser.GetStringAsync(loginPage);
        using var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = OAuthBrowser.AntiforgeryToken(form), ["email"] = "resident@cocreation.test",
            ["password"] = IdentityServiceFactory.DemoPassword, ["returnUrl"] = returnUrl,
        }));
        using var back = await browser.GetAsync(login.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Contains("code=", back.Headers.Location!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_returns_to_the_registered_address_only()
    {
        var browser = factory.Browser();
        var oauth = new OAuthBrowser(browser, IdentityServiceFactory.RedirectUri, IdentityServiceFactory.WebClientSecret);
        await oauth.SignInAsync("resident@cocreation.test", IdentityServiceFactory.DemoPassword);

        using var foreign = await browser.GetAsync($"/connect/endsession?post_logout_redirect_uri={Uri.EscapeDataString("https://evil.example/")}");
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);

        using var signedOut = await browser.GetAsync($"/connect/endsession?post_logout_redirect_uri={Uri.EscapeDataString(IdentityServiceFactory.PostLogoutRedirectUri)}");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith(IdentityServiceFactory.PostLogoutRedirectUri, signedOut.Headers.Location!.ToString(), StringComparison.Ordinal);

        // The next authorisation asks for the password again.
        var verifier = OAuthBrowser.NewVerifier();
        var challenge = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var again = await browser.GetAsync(
            $"/connect/authorize?client_id={WebClientRegistration.ClientId}&response_type=code&scope=openid&code_challenge={challenge}" +
            $"&code_challenge_method=S256&redirect_uri={Uri.EscapeDataString(IdentityServiceFactory.RedirectUri)}");
        Assert.StartsWith("/account/login", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_an_administrator_marks_as_a_city_unit_gives_its_people_the_city_unit_role_at_the_next_refresh()
    {
        var email = $"librarian-{Guid.NewGuid():N}@example.org";
        using (var registered = await factory.CreateClient().PostAsJsonAsync("/api/v1/accounts", new { email, password = "a long enough passphrase", displayName = "Liisa" }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }
        await factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == email)).EmailConfirmed = true;
            return await db.SaveChangesAsync();
        });
        var librarian = factory.ClientWithToken((await factory.SignInAsync(email, "a long enough passphrase")).GetProperty("access_token").GetString()!);
        using var created = await librarian.PostAsJsonAsync("/api/v1/me/organisations", new { name = "Sello library" });
        var library = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var tokens = await factory.SignInAsync(email, "a long enough passphrase", library);
        Assert.DoesNotContain(Read(tokens).Claims, c => c.Type == "role");

        using (var refused = await librarian.PutAsJsonAsync($"/api/v1/organisations/{library}/city-unit", new { isCityUnit = true }))
        {
            await AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        }
        var administrator = factory.ClientWithToken(await factory.AccessTokenAsync("admin@cocreation.test"));
        using (var marked = await administrator.PutAsJsonAsync($"/api/v1/organisations/{library}/city-unit", new { isCityUnit = true }))
        {
            Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        }

        using var refreshed = await factory.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = WebClientRegistration.ClientId, ["client_secret"] = IdentityServiceFactory.WebClientSecret, ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
        }));
        Assert.Equal(["city-unit"], Read(await refreshed.Content.ReadFromJsonAsync<JsonElement>()).Claims.Where(c => c.Type == "role").Select(c => c.Value));
    }
}

/// <summary>A factory of its own: the throttle it fills would slow other tests' sign-ins from the same test address.</summary>
public sealed class SignInThrottleTests(IdentityServiceFactory factory) : IClassFixture<IdentityServiceFactory>
{
    [Fact]
    public async Task Wrong_passwords_slow_down_the_address_they_come_from_and_never_lock_the_account()
    {
        var browser = factory.Browser();
        async Task<HttpResponseMessage> TryAsync(string email, string password)
        {
            var page = await browser.GetStringAsync("/account/login");
            return await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = OAuthBrowser.AntiforgeryToken(page), ["email"] = email, ["password"] = password,
            }));
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await TryAsync("moderator@cocreation.test", "not the password")).StatusCode);
        }
        using var throttled = await TryAsync("moderator@cocreation.test", IdentityServiceFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CoCreation.Identity.Model.PlatformUser>>();
        var moderator = await users.FindByEmailAsync("moderator@cocreation.test");
        Assert.False(await users.IsLockedOutAsync(moderator!));
        Assert.Equal(0, await users.GetAccessFailedCountAsync(moderator!));
    }
}
