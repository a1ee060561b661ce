using CoCreation.ApiConventions;
using CoCreation.Identity.Apis;
using CoCreation.Identity.Extensions;
using CoCreation.Identity.Infrastructure;
using CoCreation.Persistence;
using Microsoft.AspNetCore.HttpOverrides;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddApiConventions();
builder.Services.AddOpenApi();

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
app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto });
app.UseApiConventions();
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
