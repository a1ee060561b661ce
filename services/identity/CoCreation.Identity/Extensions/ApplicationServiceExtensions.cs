using CoCreation.ApiConventions;
using CoCreation.Identity.Infrastructure;
using CoCreation.Identity.Model;
using CoCreation.Persistence;
using Microsoft.AspNetCore.Identity;
using System.Security.Cryptography.X509Certificates;

namespace CoCreation.Identity.Extensions;

internal static class ApplicationServiceExtensions
{
    public const string ServiceName = "identity";
    public const string DatabaseName = "identitydb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityServiceDbContext, IdentitySqliteDbContext, IdentitySqlServerDbContext>(DatabaseName);
        builder.Services.AddIdentityCore<PlatformUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
            })
            .AddEntityFrameworkStores<IdentityServiceDbContext>();

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
                server.AllowClientCredentialsFlow();
                server.RegisterScopes([.. ApiScopes.All]);
                server.SetAccessTokenLifetime(TimeSpan.FromHours(1));
                // Services validate our access tokens themselves, as plain signed JWTs.
                server.DisableAccessTokenEncryption();
                AddKeys(server, builder.Configuration, builder.Environment);
                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (!builder.Configuration.GetValue("Identity:RequireHttps", !builder.Environment.IsDevelopment()))
                {
                    // Behind the gateway or in the local run, TLS ends before this process.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });
        return builder;
    }

    /// <summary>
    /// Signing and encryption keys: certificates from <c>Identity:SigningCertificatePath</c> and
    /// <c>Identity:EncryptionCertificatePath</c> (PFX, password in <c>...Password</c>) in production; in Development,
    /// keys that live as long as the process, which is why a development token is void after a restart.
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
        server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
    }
}
