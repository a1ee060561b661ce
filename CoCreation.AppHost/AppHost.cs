var builder = DistributedApplication.CreateBuilder(args);

// Resource names double as configuration keys: "messaging" becomes ConnectionStrings__messaging,
// "ideasdb" ConnectionStrings__ideasdb, "ideas" services__ideas__http__0 for the gateway.
var messaging = builder.AddRabbitMQ("messaging")
    .WithManagementPlugin()
    .WithDataVolume();

var sql = builder.AddSqlServer("sql")
    .WithDataVolume();

// The identity service issues the access tokens every service validates. Its own URL is the tokens' issuer.
// In Development it seeds a demo API client whose secret Aspire generates once and keeps in user secrets.
var identityDb = sql.AddDatabase("identitydb");
var demoClientSecret = builder.AddParameter("demo-client-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
var identity = builder.AddProject<Projects.CoCreation_Identity>("identity")
    .WithEnvironment("Database__Provider", "SqlServer")
    .WithReference(identityDb).WaitFor(identityDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("Identity__DemoClientSecret", demoClientSecret)
    .WithHttpHealthCheck("/health");
var identityEndpoint = identity.GetEndpoint("http");
identity.WithEnvironment("Identity__Issuer", identityEndpoint);

IResourceBuilder<ProjectResource> AddService<TProject>(string name, string databaseName)
    where TProject : IProjectMetadata, new()
{
    var database = sql.AddDatabase(databaseName);
    return builder.AddProject<TProject>(name)
        .WithEnvironment("Database__Provider", "SqlServer")
        .WithReference(database).WaitFor(database)
        .WithReference(messaging).WaitFor(messaging)
        .WithEnvironment("Identity__Authority", identityEndpoint)
        .WithHttpHealthCheck("/health");
}

var ideas = AddService<Projects.CoCreation_Ideas>("ideas", "ideasdb");
var partnerMatching = AddService<Projects.CoCreation_PartnerMatching>("partner-matching", "matchingdb");
var projects = AddService<Projects.CoCreation_Projects>("projects", "projectsdb");
var notifications = AddService<Projects.CoCreation_Notifications>("notifications", "notificationsdb");

var gateway = builder.AddProject<Projects.CoCreation_Gateway>("gateway")
    .WithReference(identity).WaitFor(identity)
    .WithEnvironment("Identity__Authority", identityEndpoint)
    .WithReference(ideas).WaitFor(ideas)
    .WithReference(partnerMatching).WaitFor(partnerMatching)
    .WithReference(projects).WaitFor(projects)
    .WithReference(notifications).WaitFor(notifications)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

// Links in account emails (confirm, reset password) point at the address people reach: the gateway.
identity.WithEnvironment("Identity__PublicBaseUrl", gateway.GetEndpoint("http"));

builder.Build().Run();
