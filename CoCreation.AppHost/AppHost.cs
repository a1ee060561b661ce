using CoCreation.AppHost;
using CoCreation.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

var report = new StartupReport();
var builder = DistributedApplication.CreateBuilder(OrchestratorDefaults.Arguments(args));
PlatformSettings settings;
PlatformInfrastructure infrastructure;
try
{
    settings = PlatformSettings.Read(builder);
    infrastructure = PlatformInfrastructure.Add(builder, settings);
    if (!builder.Configuration.GetValue<bool>("DcpPublisher:RandomizePorts") && builder.ExecutionContext.IsRunMode)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["ASPNETCORE_URLS"]))
        {
            throw new PlatformSettingsException("the dashboard has no address: start the platform with ./run.sh, or set ASPNETCORE_URLS, " +
                "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL and ASPIRE_ALLOW_UNSECURED_TRANSPORT as run.sh does.");
        }
        PlatformSettings.EnsurePortsAreFree(infrastructure.FixedPorts.Append(("Platform__GatewayPort", settings.GatewayPort)).Concat(Dashboard.Ports(builder.Configuration)));
    }
}
catch (PlatformSettingsException problem)
{
    Console.Error.WriteLine($"CoCreation cannot start: {problem.Message}");
    return 1;
}
report.Say($"Infrastructure: {settings.Mode.ToString().ToLowerInvariant()} ({settings.ModeReason}): {infrastructure.Description}");

// Resource names double as configuration keys: "messaging" becomes ConnectionStrings__messaging, "ideasdb"
// ConnectionStrings__ideasdb, "ideas" services__ideas__http__0 for the gateway.
var messaging = infrastructure.Messaging;

// Development only: the demo API client's secret and the demo people's password, generated once and kept in the
// AppHost's user secrets, so nothing is committed and both stay the same across restarts.
var demoClientSecret = builder.AddParameter("demo-client-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
var demoUserPassword = builder.AddParameter("demo-user-password", new GenerateParameterDefault { MinLength = 20, Special = false }, secret: true, persist: true);
// The web front end's client secret: the web proves itself with it when it exchanges a code or refreshes a token.
var webClientSecret = builder.AddParameter("web-client-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

IResourceBuilder<ProjectResource> AddService<TProject>(string name, string databaseName)
    where TProject : IProjectMetadata, new()
{
    var database = infrastructure.Database(databaseName);
    // After the broker, not beside it: started together, each service's bus backed off for up to 9 s per attempt and
    // came up seconds after the broker (measured).
    return builder.AddService<TProject>(name)
        .WithEnvironment("Database__Provider", infrastructure.DatabaseProvider)
        .WithReference(database).WaitFor(database)
        .WithReference(messaging).WaitFor(messaging);
}

// The identity service issues the access tokens every service validates; they check them against its own URL.
var identity = AddService<Projects.CoCreation_Identity>("identity", "identitydb")
    .WithEnvironment("Identity__DemoClientSecret", demoClientSecret)
    .WithEnvironment("Identity__DemoUserPassword", demoUserPassword)
    .WithEnvironment("Identity__WebClient__Secret", webClientSecret)
    // Development's signing keys outlive a restart of the service, so tokens and sessions do too (production names certificates).
    .WithEnvironment("Identity__DevelopmentKeysPath", Path.Combine(settings.DataFolder, "identity-keys"));
var identityUrl = identity.GetEndpoint("http");

// Only the gateway calls these, so they need no stable address: each listens on a port of its own, not behind the
// orchestrator's proxy. That saves a hop on every request, and a service that is down refuses connections at once,
// where the proxy held them open until the gateway's timeout.
IResourceBuilder<ProjectResource> AddDomainService<TProject>(string name, string databaseName)
    where TProject : IProjectMetadata, new() =>
    AddService<TProject>(name, databaseName)
        .WithEndpoint("http", endpoint => (endpoint.IsProxied, endpoint.Port) = (false, null))
        .WithEnvironment("Identity__Authority", identityUrl);

var ideas = AddDomainService<Projects.CoCreation_Ideas>("ideas", "ideasdb");
var partnerMatching = AddDomainService<Projects.CoCreation_PartnerMatching>("partner-matching", "matchingdb");
// The city's key signs co-creation references; kept with the data, so references made before a restart still verify.
var projects = AddDomainService<Projects.CoCreation_Projects>("projects", "projectsdb")
    .WithEnvironment("References__SigningKeyPath", Path.Combine(settings.DataFolder, "reference-signing-key.pem"));
if (builder.Configuration["City:Name"] is { Length: > 0 } cityName)
{
    projects.WithEnvironment("City__Name", cityName);
}
var notifications = AddDomainService<Projects.CoCreation_Notifications>("notifications", "notificationsdb");

// The web front end: people reach it through the gateway at /, and it calls the public API there, like any client.
var web = builder.AddService<Projects.CoCreation_Web>("web")
    .WithEndpoint("http", endpoint => (endpoint.IsProxied, endpoint.Port) = (false, null))
    .WithEnvironment("Web__ClientSecret", webClientSecret)
    .WithEnvironment("Web__DataProtectionKeysPath", Path.Combine(settings.DataFolder, "web-keys"))
    .WaitFor(identity);

var gateway = builder.AddService<Projects.CoCreation_Gateway>("gateway")
    .WithEndpoint("http", endpoint => endpoint.Port = settings.GatewayPort)
    .WithEnvironment("Identity__Authority", identityUrl)
    .WithReference(identity).WaitFor(identity)
    .WithReference(ideas).WaitFor(ideas)
    .WithReference(partnerMatching).WaitFor(partnerMatching)
    .WithReference(projects).WaitFor(projects)
    .WithReference(notifications).WaitFor(notifications)
    .WithReference(web).WaitFor(web)
    .WithExternalHttpEndpoints();
if (settings.GatewayRateLimit is { } permits)
{
    gateway.WithEnvironment("Gateway__RateLimit__PermitLimit", permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
var gatewayUrl = gateway.GetEndpoint("http");

// People reach everything through the gateway, so its address is the tokens' issuer and the one discovery advertises;
// the links in account mails and the web front end's sign-in (back to /signin-callback) use it too.
identity.WithEnvironment("Identity__Issuer", ReferenceExpression.Create($"{gatewayUrl}/"))
    .WithEnvironment("Identity__PublicBaseUrl", gatewayUrl)
    .WithEnvironment("Identity__WebClient__RedirectUris__0", ReferenceExpression.Create($"{gatewayUrl}/signin-callback"))
    .WithEnvironment("Identity__WebClient__PostLogoutRedirectUris__0", ReferenceExpression.Create($"{gatewayUrl}/signout-callback"));
web.WithEnvironment("Web__PublicBaseUrl", gatewayUrl);

var orchestrator = new OrchestratorExit();
if (builder.ExecutionContext.IsRunMode)
{
    orchestrator.Watch(builder);
    IResource[] services = [identity.Resource, ideas.Resource, partnerMatching.Resource, projects.Resource, notifications.Resource, web.Resource];
    IResource[] infrastructureResources = messaging.Resource is LocalRabbitMqResource or RabbitMQServerResource ? [messaging.Resource] : [];
    report.Watch(builder, [.. infrastructureResources, .. services, gateway.Resource], () =>
    [
        $"CoCreation is running. Open {gatewayUrl.Url}/ in a browser (the API is under {gatewayUrl.Url}/api/v1).",
        $"Dashboard (traces, logs, metrics, health): {Dashboard.WayIn(builder.Configuration)}",
        "Development API client: client_id demo-partner, secret: scripts/demo-secret.sh demo-client-secret",
        "Demo people: admin@, moderator@, partner-admin@, partner-member@, school@, resident@cocreation.test, password: scripts/demo-secret.sh demo-user-password",
        $"(both generated once, kept in {Dashboard.UserSecretsPath}, and shown in the dashboard under Parameters)",
        $"Data in {settings.DataFolder}. Press Ctrl-C to stop.",
    ]);
}

builder.Build().Run();
if (builder.ExecutionContext.IsRunMode)
{
    report.Say(orchestrator.WaitUntilGone(TimeSpan.FromSeconds(30))
        ? "Stopped; nothing left running."
        : "The orchestrator is still cleaning up after 30 s; see 'ps -ef | grep dcp'.");
}
return 0;
