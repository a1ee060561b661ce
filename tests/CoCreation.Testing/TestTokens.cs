using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CoCreation.Testing;

/// <summary>Everyone a service may meet, each with the token the identity service gives them.</summary>
public enum Caller
{
    Anonymous,
    Member,
    OtherOrganisationMember,
    OrganisationAdmin,
    Moderator,
    Administrator,
    PartnerSystem,
    CityUnitMember,
}

/// <summary>The organisations of an authorisation case: the one that owns what is tried, another one, and a city unit.</summary>
public sealed record CaseOrganisations(Guid Owner, Guid Other, Guid CityUnit)
{
    public static CaseOrganisations Fresh() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
}

/// <summary>
/// Access tokens as the identity service issues them, signed with a key these tests hold, for services run with
/// <see cref="TokensOnlyServiceFactory{TProgram}"/>: good ones for each kind of caller, and expired, foreign or forged ones.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "http://identity.test/";
    public const string AllScopes = "ideas.read ideas.write organisations.read organisations.write projects.read projects.write notifications.read webhooks.write";
    public static readonly RsaSecurityKey SigningKey = new(RSA.Create(2048)) { KeyId = "test-key" };

    /// <summary>Why the last token a service refused failed, for assertion messages.</summary>
    public static string? LastValidationFailure { get; internal set; }

    public static string Mint(IEnumerable<Claim> claims, string audience = "cocreation-api", TimeSpan? lifetime = null, SecurityKey? key = null, string issuer = Issuer)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromHours(1));
        var token = new JwtSecurityToken(issuer, audience, claims, notBefore: expires < now ? expires.AddHours(-1) : now, expires: expires,
            signingCredentials: new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    /// <summary>The token <paramref name="caller"/> would hold; null for an anonymous caller.</summary>
    public static string? For(Caller caller, CaseOrganisations organisations)
    {
        (string Subject, Guid? Organisation, string? OrganisationRole, string[] Roles) claims = caller switch
        {
            Caller.Anonymous => ("", null, null, []),
            Caller.Member => ("person-member", organisations.Owner, "member", []),
            Caller.OtherOrganisationMember => ("person-other", organisations.Other, "member", []),
            Caller.OrganisationAdmin => ("person-org-admin", organisations.Owner, "admin", []),
            Caller.Moderator => ("person-moderator", null, null, ["moderator"]),
            Caller.Administrator => ("person-administrator", null, null, ["administrator"]),
            Caller.PartnerSystem => ("client:owner-system", organisations.Owner, null, []),
            Caller.CityUnitMember => ("person-teacher", organisations.CityUnit, "member", ["city-unit"]),
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        };
        if (caller == Caller.Anonymous)
        {
            return null;
        }
        var list = new List<Claim> { new("sub", claims.Subject), new("scope", AllScopes) };
        if (claims.Organisation is { } organisation)
        {
            list.Add(new Claim("organisation_id", organisation.ToString()));
        }
        if (claims.OrganisationRole is { } role)
        {
            list.Add(new Claim("organisation_role", role));
        }
        list.AddRange(claims.Roles.Select(r => new Claim("role", r)));
        return Mint(list);
    }

    public static HttpClient WithToken(this HttpClient client, string? token)
    {
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }
}

/// <summary>
/// A service as in production: tokens required (no development headers), validated against an issuer whose signing
/// key <see cref="TestTokens"/> holds.
/// </summary>
public abstract class TokensOnlyServiceFactory<TProgram>(string connectionName, bool usesMessaging = true)
    : SqliteServiceFactory<TProgram>(connectionName, usesMessaging)
    where TProgram : class
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Identity:Authority", TestTokens.Issuer), new("Identity:AllowDevelopmentHeaders", "false")];

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            // A discovery document given rather than fetched (no identity service runs here): its issuer and its key.
            var configuration = new OpenIdConnectConfiguration { Issuer = TestTokens.Issuer };
            configuration.SigningKeys.Add(TestTokens.SigningKey);
            options.Configuration = configuration;
            // A fetched document also sets the valid issuer and keys; a given one does not, so they are set here.
            options.TokenValidationParameters.ValidIssuer = TestTokens.Issuer;
            options.TokenValidationParameters.IssuerSigningKey = TestTokens.SigningKey;
            options.Events ??= new JwtBearerEvents();
            options.Events.OnAuthenticationFailed = context =>
            {
                TestTokens.LastValidationFailure = context.Exception.Message;
                return Task.CompletedTask;
            };
        });
}
