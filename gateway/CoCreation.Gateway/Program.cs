using CoCreation.ApiConventions;
using CoCreation.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiConventions();
builder.AddEdgeProtection();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddConfigFilter<ServiceDestinationResolver>();

var app = builder.Build();

app.UseApiConventions();
app.UseEdgeProtection();
app.MapDefaultEndpoints();
app.MapReverseProxy(proxy => proxy.UseMiddleware<UpstreamFailureProblemDetails>());

await app.RunAsync();

public partial class Program;
