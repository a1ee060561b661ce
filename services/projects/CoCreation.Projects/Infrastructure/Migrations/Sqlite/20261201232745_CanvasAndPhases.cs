using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCreation.Projects.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CanvasAndPhases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DiscontinuedReason",
                table: "Projects",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phase",
                table: "Projects",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Planning");

            // Projects that completed before phases existed are in the last phase; the others are still planning.
            migrationBuilder.Sql("UPDATE \"Projects\" SET \"Phase\" = 'Completed' WHERE \"Status\" = 'Completed';");

            migrationBuilder.CreateTable(
                name: "CanvasAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Tools = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedByPersonId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChangedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CanvasAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CanvasAnswers_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CanvasAnswers_ProjectId_Question_Version",
                table: "CanvasAnswers",
                columns: new[] { "ProjectId", "Question", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CanvasAnswers");

            migrationBuilder.DropColumn(
                name: "DiscontinuedReason",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Phase",
                table: "Projects");
        }
    }
}
