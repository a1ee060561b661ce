using CoCreation.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Projects.Infrastructure;

/// <summary>The projects database; for now it holds only the outbox and inbox every service has.</summary>
public class ProjectsDbContext(DbContextOptions options) : MessagingDbContext(options);

/// <summary>Holds the SQLite migrations (Infrastructure/Migrations/Sqlite).</summary>
public sealed class ProjectsSqliteDbContext(DbContextOptions<ProjectsSqliteDbContext> options) : ProjectsDbContext(options);

/// <summary>Holds the SQL Server migrations (Infrastructure/Migrations/SqlServer).</summary>
public sealed class ProjectsSqlServerDbContext(DbContextOptions<ProjectsSqlServerDbContext> options) : ProjectsDbContext(options);
