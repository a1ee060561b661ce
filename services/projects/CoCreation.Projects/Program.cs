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

app.UseApiConventions();
app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapProjectsApi();
app.MapProjectLifecycleApi();
app.MapOpenDataApi();

await app.RunAsync();

public partial class Program;
