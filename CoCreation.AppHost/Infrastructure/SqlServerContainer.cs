namespace CoCreation.AppHost.Infrastructure;

/// <summary>
/// SQL Server as a container, written with Aspire's core API because the SQL Server integration is not served here.
/// The services' migrations create their databases, so a database is only a connection string.
/// </summary>
public sealed class SqlServerContainer
{
    private const int SqlPort = 1433;

    private readonly IDistributedApplicationBuilder _builder;
    private readonly IResourceBuilder<ContainerResource> _container;
    private readonly IResourceBuilder<ParameterResource> _password;

    private SqlServerContainer(IDistributedApplicationBuilder builder, IResourceBuilder<ContainerResource> container, IResourceBuilder<ParameterResource> password)
    {
        _builder = builder;
        _container = container;
        _password = password;
    }

    public static SqlServerContainer Add(IDistributedApplicationBuilder builder, string name)
    {
        // SQL Server's password policy needs three kinds of character; the generated default has all four.
        var password = builder.AddParameter($"{name}-password", new GenerateParameterDefault { MinLength = 24 }, secret: true, persist: true);
        var container = builder.AddContainer(name, "mssql/server", "2022-latest")
            .WithImageRegistry("mcr.microsoft.com")
            .WithEnvironment("ACCEPT_EULA", "Y")
            .WithEnvironment("MSSQL_SA_PASSWORD", password)
            .WithEndpoint(targetPort: SqlPort, scheme: "tcp", name: "tcp")
            .WithVolume("cocreation-sql-data", "/var/opt/mssql")
            .WithIconName("Database");
        return new SqlServerContainer(builder, container, password);
    }

    public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string databaseName)
    {
        var endpoint = _container.GetEndpoint("tcp");
        return _builder.AddConnectionString(databaseName, ReferenceExpression.Create(
            $"Server={endpoint.Property(EndpointProperty.Host)},{endpoint.Property(EndpointProperty.Port)};Database={databaseName};User ID=sa;Password={_password};TrustServerCertificate=true"))
            .WithParentRelationship(_container);
    }
}
