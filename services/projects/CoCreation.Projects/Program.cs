using CoCreation.ApiConventions;
using CoCreation.Projects.Apis;
using CoCreation.Projects.Extensions;
using CoCreation.Projects.Infrastructure;
using CoCreation.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddApiConventions();
builder.Services.AddOpenApi();

var app = builder.Build();

if (await app.MigrateDatabaseAsync<ProjectsDbContext>(args))
{
    return;
}

// Light feedback is limited per address: behind the gateway, the address is the one it forwards.
app.UseTrustedForwardedHeaders(Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor);
app.UseApiConventions();
app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapProjectsApi();
app.MapProjectLifecycleApi();
app.MapInvitationsApi();
app.MapLightParticipationApi();
app.MapTeamApi();
app.MapAgreementApi();
app.MapActivitiesApi();
app.MapEvaluationsApi();
app.MapDecisionsApi();
app.MapReferencesApi();
app.MapOpenDataApi();

await app.RunAsync();

public partial class Program;
