using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCreation.Ideas.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChallengeVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Challenges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Challenges");
        }
    }
}
