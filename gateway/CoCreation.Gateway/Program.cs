using CoCreation.ApiConventions;
using CoCreation.Gateway;
using Microsoft.AspNetCore.HttpOverrides;

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

// The web front end calls the API for the people it serves and names each one's address: rate limits then apply per
// person's address, not to the web server as a whole.
app.UseTrustedForwardedHeaders(ForwardedHeaders.XForwardedFor);
app.UseEdgeRateLimit();
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
