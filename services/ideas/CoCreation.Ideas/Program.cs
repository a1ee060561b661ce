using CoCreation.ApiConventions;
using CoCreation.Ideas.Apis;
using CoCreation.Ideas.Extensions;
using CoCreation.Ideas.Infrastructure;
using CoCreation.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddApiConventions();
builder.Services.AddOpenApi();

var app = builder.Build();

if (await app.MigrateDatabaseAsync<IdeasDbContext>(args))
{
    return;
}

app.UseApiConventions();
app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapIdeasApi();
app.MapParticipationApi();
app.MapModerationApi();
app.MapChallengesApi();
app.MapTaxonomyApi();
app.MapOpenDataApi();

await app.RunAsync();

public partial class Program;
