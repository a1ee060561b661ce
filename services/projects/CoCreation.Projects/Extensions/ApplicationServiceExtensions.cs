using CoCreation.ApiConventions;
using CoCreation.Messaging;
using CoCreation.Persistence;
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
        return builder;
    }
}
