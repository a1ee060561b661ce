var builder = DistributedApplication.CreateBuilder(args);

// Resource names double as configuration keys: "messaging" becomes ConnectionStrings__messaging,
// "ideasdb" ConnectionStrings__ideasdb, "ideas" services__ideas__http__0 for the gateway.
var messaging = builder.AddRabbitMQ("messaging")
    .WithManagementPlugin()
    .WithDataVolume();

var sql = builder.AddSqlServer("sql")
    .WithDataVolume();

IResourceBuilder<ProjectResource> AddService<TProject>(string name, string databaseName)
    where TProject : IProjectMetadata, new()
{
    var database = sql.AddDatabase(databaseName);
    return builder.AddProject<TProject>(name)
        .WithEnvironment("Database__Provider", "SqlServer")
        .WithReference(database).WaitFor(database)
        .WithReference(messaging).WaitFor(messaging)
        .WithHttpHealthCheck("/health");
}

var ideas = AddService<Projects.CoCreation_Ideas>("ideas", "ideasdb");
var partnerMatching = AddService<Projects.CoCreation_PartnerMatching>("partner-matching", "matchingdb");
var projects = AddService<Projects.CoCreation_Projects>("projects", "projectsdb");
var notifications = AddService<Projects.CoCreation_Notifications>("notifications", "notificationsdb");

builder.AddProject<Projects.CoCreation_Gateway>("gateway")
    .WithReference(ideas).WaitFor(ideas)
    .WithReference(partnerMatching).WaitFor(partnerMatching)
    .WithReference(projects).WaitFor(projects)
    .WithReference(notifications).WaitFor(notifications)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.Build().Run();
