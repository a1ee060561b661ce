using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCreation.Ideas.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class IdeaFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text DDL cannot run inside a transaction.
            migrationBuilder.Sql(IdeaSearchSql.CreateSqlServer, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(IdeaSearchSql.DropSqlServer, suppressTransaction: true);
        }
    }
}
