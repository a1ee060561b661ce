using CoCreation.ApiConventions;
using CoCreation.Identity.Apis;
using CoCreation.Identity.Extensions;
using CoCreation.Identity.Infrastructure;
using CoCreation.Persistence;
using CoCreation.Identity.Accounts;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddApiConventions();
builder.Services.AddOpenApi();
builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
builder.Services.Configure<RequestLocalizationOptions>(options =>
{
    options.SetDefaultCulture("fi").AddSupportedCultures(AccountPages.Languages).AddSupportedUICultures(AccountPages.Languages);
    options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
});

var app = builder.Build();

if (await app.MigrateDatabaseAsync<IdentityServiceDbContext>(args))
{
    return;
}
if (app.Environment.IsDevelopment())
{
    await DevelopmentSeed.SeedAsync(app.Services, app.Configuration, app.Logger);
}
await WebClientRegistration.SynchroniseAsync(app.Services, app.Configuration, app.Logger);

// Reached through the gateway, the discovery document, the sign-in pages' links and redirects name the address people
// used (the gateway's), not this service's own port.
// X-Forwarded-For too: sign-in failures slow down the person's own address, not the gateway's.
app.UseTrustedForwardedHeaders(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto);
app.UseApiConventions();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAntiforgery();
app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapTokenApi();
app.MapSignInApi();
app.MapAccountsApi();
app.MapOrganisationAccessApi();
app.MapPersonalDataApi();

await app.RunAsync();

public partial class Program;
