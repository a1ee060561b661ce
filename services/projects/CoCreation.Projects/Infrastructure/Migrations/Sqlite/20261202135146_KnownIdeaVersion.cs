using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCreation.Projects.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KnownIdeaVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "KnownIdeas",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "KnownIdeas");
        }
    }
}
