using CoCreation.ApiConventions;
using CoCreation.Identity.Accounts;
using CoCreation.Identity.Apis;
using CoCreation.Identity.Infrastructure;
using CoCreation.Messaging;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Validation.AspNetCore;
using CoCreation.Identity.Model;
using CoCreation.Persistence;
using Microsoft.AspNetCore.Identity;
using System.Security.Cryptography.X509Certificates;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CoCreation.Identity.Extensions;

internal static class ApplicationServiceExtensions
{
    public const string ServiceName = "identity";
    public const string DatabaseName = "identitydb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityServiceDbContext, IdentitySqliteDbContext, IdentitySqlServerDbContext>(DatabaseName);
        builder.AddMessaging<IdentityServiceDbContext>(ServiceName, typeof(ApplicationServiceExtensions).Assembly);
        builder.Services.AddIdentityCore<PlatformUser>(options =>
            {
                // Length over composition rules (NIST SP 800-63B), and no password from the breach lists.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                // No account lockout: it would let anyone keep a person out. SignInThrottle slows the address instead.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<Microsoft.AspNetCore.Identity.IdentityRole>()
            .AddEntityFrameworkStores<IdentityServiceDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();
        builder.Services.AddScoped<AccountService>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<Apis.SignInThrottle>();
        builder.Services.AddScoped<PersonPrincipal>();
        builder.Services.AddSingleton<AccountLinks>();
        builder.Services.AddAntiforgery();
        builder.Services.AddHostedService<PersonalDataExportRetention>();

        // API calls carry the access tokens this service issues (validated in-process); the sign-in pages and the
        // authorisation endpoint use a cookie of this service only.
        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .AddCookie(SignInApi.CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "cocreation.signin";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = "/account/login";
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                // A relative redirect works behind the gateway, whatever host name people used.
                cookie.Events.OnRedirectToLogin = context =>
                {
                    context.Response.Redirect(new Uri(context.RedirectUri).PathAndQuery);
                    return Task.CompletedTask;
                };
            });

        var issuer = builder.Configuration["Identity:Issuer"];
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityServiceDbContext>())
            .AddServer(server =>
            {
                if (!string.IsNullOrEmpty(issuer))
                {
                    // Fixed, so a token says the same issuer however the client reached us (through the gateway or not).
                    server.SetIssuer(new Uri(issuer));
                }
                server.SetTokenEndpointUris("connect/token");
                server.SetAuthorizationEndpointUris("connect/authorize");
                server.SetEndSessionEndpointUris("connect/endsession");
                server.AllowClientCredentialsFlow();
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.AllowRefreshTokenFlow();
                server.RegisterScopes([.. ApiScopes.All, Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess]);
                // Short-lived, so that a changed role or a removal from an organisation reaches the services at the
                // next refresh, within minutes; the web refreshes on its own and partner systems ask again.
                server.SetAccessTokenLifetime(builder.Configuration.GetValue("Identity:AccessTokenLifetime", TimeSpan.FromMinutes(15)));
                // Services validate our access tokens themselves, as plain signed JWTs.
                server.DisableAccessTokenEncryption();
                AddKeys(server, builder.Configuration, builder.Environment);
                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough().EnableAuthorizationEndpointPassthrough().EnableEndSessionEndpointPassthrough()
                    // Errors that cannot go back to the client reach our handlers, which answer them as OAuth JSON.
                    .EnableErrorPassthrough();
                if (!builder.Configuration.GetValue("Identity:RequireHttps", !builder.Environment.IsDevelopment()))
                {
                    // Behind the gateway or in the local run, TLS ends before this process.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                // This service's own API takes the tokens it issues, checked against its own keys in-process.
                validation.UseLocalServer();
                validation.AddAudiences(ApiScopes.Audience);
                validation.UseAspNetCore();
            });
        return builder;
    }

    /// <summary>
    /// Signing and encryption keys: certificates from <c>Identity:SigningCertificatePath</c> and
    /// <c>Identity:EncryptionCertificatePath</c> (PFX, password in <c>...Password</c>) in production. In Development,
    /// self-signed ones kept in <c>Identity:DevelopmentKeysPath</c> (the AppHost sets it), so that a restart voids no
    /// token; without that setting (a test host), keys that live as long as the process.
    /// </summary>
    private static void AddKeys(OpenIddictServerBuilder server, IConfiguration configuration, IHostEnvironment environment)
    {
        var signing = configuration["Identity:SigningCertificatePath"];
        var encryption = configuration["Identity:EncryptionCertificatePath"];
        if (signing is not null && encryption is not null)
        {
            server.AddSigningCertificate(X509CertificateLoader.LoadPkcs12FromFile(signing, configuration["Identity:SigningCertificatePassword"]));
            server.AddEncryptionCertificate(X509CertificateLoader.LoadPkcs12FromFile(encryption, configuration["Identity:EncryptionCertificatePassword"]));
            return;
        }
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Identity:SigningCertificatePath and Identity:EncryptionCertificatePath must name PFX certificates outside Development.");
        }
        if (configuration["Identity:DevelopmentKeysPath"] is { Length: > 0 } folder)
        {
            server.AddSigningCertificate(DevelopmentKeys.LoadOrCreate(folder, "signing", X509KeyUsageFlags.DigitalSignature, TimeProvider.System));
            server.AddEncryptionCertificate(DevelopmentKeys.LoadOrCreate(folder, "encryption", X509KeyUsageFlags.KeyEncipherment, TimeProvider.System));
            return;
        }
        server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
    }
}
