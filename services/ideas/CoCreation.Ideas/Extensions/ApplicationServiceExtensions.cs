using CoCreation.ApiConventions;
using CoCreation.Ideas.Infrastructure;
using CoCreation.Messaging;
using CoCreation.Persistence;

namespace CoCreation.Ideas.Extensions;

internal static class ApplicationServiceExtensions
{
    public const string ServiceName = "ideas";
    public const string DatabaseName = "ideasdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdeasDbContext, IdeasSqliteDbContext, IdeasSqlServerDbContext>(DatabaseName);
        builder.AddMessaging<IdeasDbContext>(ServiceName, typeof(Program).Assembly);
        builder.AddIdempotencyRetention<IdeasDbContext>();
        builder.Services.AddIdeaTextSearch();
        builder.Services.AddOptions<CityCalendar>().Bind(builder.Configuration.GetSection(CityCalendar.SectionName));
        return builder;
    }
}
