using CoCreation.Notifications.IntegrationEvents;
using CoCreation.Messaging;
using CoCreation.Notifications.Infrastructure;
using CoCreation.Persistence;

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
        return builder;
    }
}
