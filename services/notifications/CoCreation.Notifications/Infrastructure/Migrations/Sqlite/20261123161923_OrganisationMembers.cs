using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCreation.Notifications.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrganisationMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OrganisationMembers",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationMembers", x => new { x.OrganisationId, x.PersonId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationMembers_PersonId",
                table: "OrganisationMembers",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrganisationMembers");
        }
    }
}
