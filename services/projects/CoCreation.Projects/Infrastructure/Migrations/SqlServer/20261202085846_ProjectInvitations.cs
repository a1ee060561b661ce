using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCreation.Projects.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ProjectInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_IdeaId",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_PartnershipId",
                table: "Projects");

            migrationBuilder.AlterColumn<Guid>(
                name: "PartnershipId",
                table: "Projects",
                type: "uniqueidentifier",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier");

            migrationBuilder.CreateTable(
                name: "Invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InvitedOrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Message = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    InvitedByPersonId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AnsweredByPersonId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invitations_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KnownIdeas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnownIdeas", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_IdeaId",
                table: "Projects",
                column: "IdeaId",
                unique: true,
                filter: "[Status] <> 'Discontinued'");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_PartnershipId",
                table: "Projects",
                column: "PartnershipId",
                unique: true,
                filter: "[PartnershipId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_ProjectId_InvitedOrganisationId",
                table: "Invitations",
                columns: new[] { "ProjectId", "InvitedOrganisationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Invitations");

            migrationBuilder.DropTable(
                name: "KnownIdeas");

            migrationBuilder.DropIndex(
                name: "IX_Projects_IdeaId",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_PartnershipId",
                table: "Projects");

            migrationBuilder.AlterColumn<Guid>(
                name: "PartnershipId",
                table: "Projects",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Projects_IdeaId",
                table: "Projects",
                column: "IdeaId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_PartnershipId",
                table: "Projects",
                column: "PartnershipId",
                unique: true);
        }
    }
}
