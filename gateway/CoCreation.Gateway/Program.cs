using CoCreation.ApiConventions;
using CoCreation.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiConventions();
builder.AddEdgeProtection();
builder.AddRoutePolicies();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddConfigFilter<ServiceDestinationResolver>();
builder.Services.AddPublicApiDocument();

var app = builder.Build();

app.UseApiConventions();
app.UseEdgeProtection();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapPublicApiDocument();
app.MapOpenDataCatalogue();
app.MapUnknownApiRoutes();
app.MapReverseProxy(proxy => proxy.UseMiddleware<UpstreamFailureProblemDetails>());

await app.RunAsync();

public partial class Program;
