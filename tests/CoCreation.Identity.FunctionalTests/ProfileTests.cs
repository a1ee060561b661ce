using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CoCreation.IntegrationEvents;
using CoCreation.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Identity.FunctionalTests;

/// <summary>A person's own name and language: kept on the account, carried in the next sign-in and in every account mail.</summary>
public sealed class ProfileTests(IdentityServiceFactory factory) : IClassFixture<IdentityServiceFactory>
{
    private const string Password = "correct horse battery staple";

    /// <summary>Registers in <paramref name="language"/> (none: not chosen, so Finnish mail) and confirms the address from the mailed link.</summary>
    private async Task<string> RegisterConfirmedAsync(string email, string? language)
    {
        using var registered = await factory.CreateClient().PostAsJsonAsync("/api/v1/accounts", new { email, password = Password, displayName = "Nea Ny", language });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var mail = Assert.Single(await factory.OutboxEventsAsync<EmailConfirmationRequested>(), e => e.Email == email);
        Assert.Equal(language ?? "fi", mail.Language);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(mail.ConfirmationLink).Query);
        using var confirmed = await factory.CreateClient().PostAsJsonAsync("/api/v1/accounts/email-confirmation",
            new { personId = query["personId"], token = query["token"] });
        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        return (await factory.SignInAsync(email, Password)).GetProperty("access_token").GetString()!;
    }

    private static JsonElement IdTokenClaims(JsonElement tokens)
    {
        var payload = tokens.GetProperty("id_token").GetString()!.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement;
    }

    [Fact]
    public async Task A_person_changes_name_and_language_and_the_next_sign_in_and_mail_carry_them()
    {
        var email = $"profile-{Guid.NewGuid():N}@example.org";
        var client = factory.ClientWithToken(await RegisterConfirmedAsync(email, "sv"));
        Assert.Equal("sv", (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("language").GetString());

        using var saved = await client.PutAsJsonAsync("/api/v1/me", new { displayName = "  Nea Nyberg ", language = "en" });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var account = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Nea Nyberg", account.GetProperty("displayName").GetString());
        Assert.Equal("en", account.GetProperty("language").GetString());
        var claims = IdTokenClaims(await factory.SignInAsync(email, Password));
        Assert.Equal("Nea Nyberg", claims.GetProperty("name").GetString());
        Assert.Equal("en", claims.GetProperty("locale").GetString());

        using var reset = await factory.CreateClient().PostAsJsonAsync("/api/v1/accounts/password-reset", new { email });
        Assert.Equal(HttpStatusCode.Accepted, reset.StatusCode);
        var mail = Assert.Single(await factory.OutboxEventsAsync<PasswordResetRequested>(), e => e.Email == email);
        Assert.Equal("en", mail.Language);
        Assert.Equal("Nea Nyberg", mail.DisplayName);
    }

    [Theory]
    [InlineData("", "fi", "displayName")]
    [InlineData("Nea", "de", "language")]
    [InlineData("Nea", null, "language")]
    public async Task A_missing_name_or_an_unknown_language_is_a_problem_naming_the_field_and_changes_nothing(string displayName, string? language, string field)
    {
        var email = $"profile-bad-{Guid.NewGuid():N}@example.org";
        var client = factory.ClientWithToken(await RegisterConfirmedAsync(email, null));

        using var refused = await client.PutAsJsonAsync("/api/v1/me", new { displayName, language });

        await HttpAssertions.AssertProblemAsync(refused, HttpStatusCode.BadRequest, field);
        var stored = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal(("Nea Ny", (string?)null), (stored.DisplayName, stored.Language));
    }

    [Fact]
    public async Task A_person_who_chose_no_language_gets_Finnish_mail_and_a_sign_in_that_names_no_locale()
    {
        var email = $"profile-none-{Guid.NewGuid():N}@example.org";
        var client = factory.ClientWithToken(await RegisterConfirmedAsync(email, null));

        Assert.Equal(JsonValueKind.Null, (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("language").ValueKind);
        Assert.False(IdTokenClaims(await factory.SignInAsync(email, Password)).TryGetProperty("locale", out _));
    }

    [Fact]
    public async Task Registering_in_an_unknown_language_is_a_problem_naming_language()
    {
        using var refused = await factory.CreateClient().PostAsJsonAsync("/api/v1/accounts",
            new { email = $"profile-de-{Guid.NewGuid():N}@example.org", password = Password, displayName = "Nea", language = "de" });

        await HttpAssertions.AssertProblemAsync(refused, HttpStatusCode.BadRequest, "language");
    }
}
