using CoCreation.Notifications.IntegrationEvents;
using CoCreation.Messaging;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Persistence;
using CoCreation.Notifications.Webhooks;

namespace CoCreation.Notifications.Extensions;

internal static class ApplicationServiceExtensions
{
    public const string ServiceName = "notifications";
    public const string DatabaseName = "notificationsdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext, NotificationsSqliteDbContext, NotificationsSqlServerDbContext>(DatabaseName);
        builder.AddMessaging<NotificationsDbContext>(ServiceName, typeof(Program).Assembly);
        builder.Services.AddSingleton<AccountMail>();
        builder.Services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.SectionName))
            .Configure<IHostEnvironment>((options, environment) =>
                options.AllowInsecureUrls = builder.Configuration.GetValue($"{WebhookOptions.SectionName}:AllowInsecureUrls", environment.IsDevelopment()));
        builder.Services.AddSingleton<WebhookHttpClient>();
        builder.Services.AddHostedService<WebhookDispatcher>();
        builder.Services.AddOptions<ReminderOptions>().Bind(builder.Configuration.GetSection(ReminderOptions.SectionName));
        builder.Services.AddScoped<ActivityReminders>();
        builder.Services.AddHostedService<ActivityReminderService>();
        return builder;
    }
}
