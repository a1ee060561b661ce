using System.Reflection;
using CoCreation.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CoCreation.Messaging;

public static class MessagingExtensions
{
    /// <summary>The connection string name the AppHost gives the broker: <c>ConnectionStrings:messaging</c>, an amqp:// URI.</summary>
    public const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit over RabbitMQ for one service: every consumer in <paramref name="consumersAssembly"/>, queues named
    /// by convention with the service name as prefix (so two services' consumers of one event each get their own queue),
    /// retries and error queues set here once, and the outbox dispatcher for <typeparamref name="TContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TContext>(this IHostApplicationBuilder builder, string serviceName, Assembly consumersAssembly)
        where TContext : Microsoft.EntityFrameworkCore.DbContext, IMessagingContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString) || !Uri.TryCreate(connectionString, UriKind.Absolute, out var brokerUri))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} must be the broker's amqp:// URI, for example amqp://guest:guest@localhost:5672 " +
                $"(environment variable ConnectionStrings__{ConnectionName}). The local run and the AppHost set it for you.");
        }

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit reports usage to its makers' host at every start unless told not to; a city's platform
            // sends nothing off the machine that an operator did not ask for.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            bus.AddConsumers(consumersAssembly);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(brokerUri);
                // Enums travel by name, as everywhere else the platform writes JSON.
                rabbit.ConfigureJsonSerializerOptions(options =>
                {
                    options.Converters.Add(CoCreation.IntegrationEvents.PlatformJson.NamesWrittenNumbersRead());
                    return options;
                });
                // Transient faults (a locked database, a deadlock, a lost race for the same row under load) get
                // retries for about a minute, each in a new scope that reads again; a message that still fails goes
                // to its queue's _error queue, where an operator can inspect and move it back.
                rabbit.UseMessageRetry(retry => retry.Exponential(10, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500)));
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection(OutboxOptions.SectionName));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor, OutboxSavedChangesInterceptor>();
        builder.Services.AddSingleton<IInterceptor, OutboxTransactionCommittedInterceptor>();
        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
