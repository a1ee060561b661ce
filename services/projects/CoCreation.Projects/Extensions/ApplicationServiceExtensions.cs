using CoCreation.ApiConventions;
using CoCreation.Messaging;
using CoCreation.Persistence;
using CoCreation.Projects.Apis;
using CoCreation.Projects.Infrastructure;

namespace CoCreation.Projects.Extensions;

internal static class ApplicationServiceExtensions
{
    public const string ServiceName = "projects";
    public const string DatabaseName = "projectsdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ProjectsDbContext, ProjectsSqliteDbContext, ProjectsSqlServerDbContext>(DatabaseName);
        builder.AddMessaging<ProjectsDbContext>(ServiceName, typeof(Program).Assembly);
        builder.AddIdempotencyRetention<ProjectsDbContext>();
        builder.Services.AddOptions<CityCalendar>().Bind(builder.Configuration.GetSection(CityCalendar.SectionName));
        builder.Services.AddOptions<FeedbackOptions>().Bind(builder.Configuration.GetSection(FeedbackOptions.SectionName));
        builder.Services.AddOptions<ReferenceSigningOptions>().Bind(builder.Configuration.GetSection(ReferenceSigningOptions.SectionName));
        builder.Services.AddSingleton<ReferenceSigner>();
        return builder;
    }
}
