using CoCreation.ApiConventions;
using CoCreation.Messaging;
using CoCreation.PartnerMatching.Infrastructure;
using CoCreation.PartnerMatching.Matching;
using CoCreation.Persistence;

namespace CoCreation.PartnerMatching.Extensions;

internal static class ApplicationServiceExtensions
{
    public const string ServiceName = "partner-matching";
    public const string DatabaseName = "matchingdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PartnerMatchingDbContext, PartnerMatchingSqliteDbContext, PartnerMatchingSqlServerDbContext>(DatabaseName);
        builder.AddMessaging<PartnerMatchingDbContext>(ServiceName, typeof(Program).Assembly);
        builder.AddIdempotencyRetention<PartnerMatchingDbContext>();
        builder.Services.AddOptions<MatchingWeights>().Bind(builder.Configuration.GetSection(MatchingWeights.SectionName));
        builder.Services.AddSingleton<MatchingIndex>();
        builder.Services.AddHostedService<MatchingIndexRefresher>();
        return builder;
    }
}
