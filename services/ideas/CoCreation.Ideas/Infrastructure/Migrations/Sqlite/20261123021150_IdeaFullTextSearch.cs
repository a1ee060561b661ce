using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCreation.Ideas.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdeaFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Its own migration: SQLite rebuilds tables at the end of a migration, which would drop these triggers.
            migrationBuilder.Sql(IdeaSearchSql.CreateSqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(IdeaSearchSql.DropSqlite);
        }
    }
}
