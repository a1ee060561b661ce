using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCreation.Ideas.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdeaFollowsProject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ProjectId",
                table: "Ideas",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProjectPhase",
                table: "Ideas",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ProjectId",
                table: "Ideas",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ideas_ProjectId",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "ProjectPhase",
                table: "Ideas");
        }
    }
}
