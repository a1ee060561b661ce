using CoCreation.ApiConventions;
using CoCreation.PartnerMatching.Apis;
using CoCreation.PartnerMatching.Extensions;
using CoCreation.PartnerMatching.Infrastructure;
using CoCreation.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddApiConventions();
builder.Services.AddOpenApi();

var app = builder.Build();

if (await app.MigrateDatabaseAsync<PartnerMatchingDbContext>(args))
{
    return;
}

app.UseApiConventions();
app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapOrganisationsApi();
app.MapEnvironmentsApi();
app.MapMatchesApi();
app.MapOpenDataApi();

await app.RunAsync();

public partial class Program;
