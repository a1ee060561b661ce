using CoCreation.ApiConventions;
using CoCreation.Notifications.Apis;
using CoCreation.Notifications.Extensions;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddApiConventions();
builder.Services.AddOpenApi();

var app = builder.Build();

if (await app.MigrateDatabaseAsync<NotificationsDbContext>(args))
{
    return;
}

app.UseApiConventions();
app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapNotificationsApi();
app.MapWebhooksApi();

await app.RunAsync();

public partial class Program;
