using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCreation.Projects.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LightParticipants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LightParticipantId",
                table: "Evaluations",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LightParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Token = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Group = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    InvitedByPersonId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LightParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LightParticipants_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_LightParticipantId_ActivityId",
                table: "Evaluations",
                columns: new[] { "LightParticipantId", "ActivityId" },
                unique: true,
                filter: "[LightParticipantId] IS NOT NULL AND [ActivityId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LightParticipants_ProjectId_InvitedAt",
                table: "LightParticipants",
                columns: new[] { "ProjectId", "InvitedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LightParticipants_Token",
                table: "LightParticipants",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LightParticipants");

            migrationBuilder.DropIndex(
                name: "IX_Evaluations_LightParticipantId_ActivityId",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "LightParticipantId",
                table: "Evaluations");
        }
    }
}
