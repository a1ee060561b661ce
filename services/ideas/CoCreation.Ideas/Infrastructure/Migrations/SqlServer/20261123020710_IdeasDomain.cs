using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CoCreation.Ideas.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class IdeasDomain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Status",
                table: "Ideas",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(20)",
                oldMaxLength: 20);

            migrationBuilder.AddColumn<string>(
                name: "AgeGroups",
                table: "Ideas",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "ChallengeId",
                table: "Ideas",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CommentCount",
                table: "Ideas",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FollowerCount",
                table: "Ideas",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "HiddenAt",
                table: "Ideas",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HiddenReason",
                table: "Ideas",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ListedAt",
                table: "Ideas",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "SupportCount",
                table: "Ideas",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Ideas",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Ideas",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Challenges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    Themes = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Environment = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OwnerPersonId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Challenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Comments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IdeaId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ParentCommentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AuthorPersonId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    AuthorOrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 5000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    HiddenAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    HiddenReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Comments_Comments_ParentCommentId",
                        column: x => x.ParentCommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Comments_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Follows",
                columns: table => new
                {
                    IdeaId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Follows", x => new { x.IdeaId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_Follows_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaVersions",
                columns: table => new
                {
                    IdeaId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Change = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    ChangedByPersonId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Fields = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaVersions", x => new { x.IdeaId, x.Number });
                    table.ForeignKey(
                        name: "FK_IdeaVersions_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdempotentRequests",
                columns: table => new
                {
                    RequesterId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RequestFingerprint = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "int", nullable: false),
                    Location = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ResponseBody = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotentRequests", x => new { x.RequesterId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "ModerationActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TargetKind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    TargetId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IdeaId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ModeratorPersonId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModerationActions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TargetKind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    TargetId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IdeaId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Details = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ReporterPersonId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Supports",
                columns: table => new
                {
                    IdeaId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supports", x => new { x.IdeaId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_Supports_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaxonomyTerms",
                columns: table => new
                {
                    Facet = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    NameFi = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    NameSv = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    Retired = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaxonomyTerms", x => new { x.Facet, x.Code });
                });

            migrationBuilder.InsertData(
                table: "TaxonomyTerms",
                columns: new[] { "Code", "Facet", "NameEn", "NameFi", "NameSv", "Retired", "SortOrder" },
                values: new object[,]
                {
                    { "adults", "AgeGroup", "Adults", "Aikuiset", "Vuxna", false, 5 },
                    { "early-childhood", "AgeGroup", "Early childhood (0–6)", "Varhaiskasvatusikäiset (0–6)", "Småbarn (0–6)", false, 1 },
                    { "lower-secondary", "AgeGroup", "Lower secondary (13–15)", "Yläkoululaiset (13–15)", "Högstadieelever (13–15)", false, 3 },
                    { "primary-school", "AgeGroup", "Primary school (7–12)", "Alakoululaiset (7–12)", "Lågstadieelever (7–12)", false, 2 },
                    { "seniors", "AgeGroup", "Seniors", "Ikäihmiset", "Äldre", false, 6 },
                    { "upper-secondary", "AgeGroup", "Upper secondary (16–19)", "Toisen asteen opiskelijat (16–19)", "Andra stadiet (16–19)", false, 4 },
                    { "day-care-centre", "Environment", "Day-care centre", "Päiväkoti", "Daghem", false, 2 },
                    { "library", "Environment", "Library", "Kirjasto", "Bibliotek", false, 3 },
                    { "museum", "Environment", "Museum", "Museo", "Museum", false, 4 },
                    { "other", "Environment", "Other", "Muu", "Annan", false, 6 },
                    { "school", "Environment", "School", "Koulu", "Skola", false, 1 },
                    { "youth-centre", "Environment", "Youth centre", "Nuorisotila", "Ungdomsgård", false, 5 },
                    { "culture-and-libraries", "Theme", "Culture and libraries", "Kulttuuri ja kirjastot", "Kultur och bibliotek", false, 3 },
                    { "early-childhood-education", "Theme", "Early childhood education", "Varhaiskasvatus", "Småbarnspedagogik", false, 2 },
                    { "learning-and-teaching", "Theme", "Learning and teaching", "Oppiminen ja opetus", "Lärande och undervisning", false, 1 },
                    { "museums", "Theme", "Museums", "Museot", "Museer", false, 4 },
                    { "sustainable-development", "Theme", "Sustainable development", "Kestävä kehitys", "Hållbar utveckling", false, 5 },
                    { "transport", "Theme", "Transport", "Liikenne", "Trafik", false, 7 },
                    { "well-being", "Theme", "Well-being", "Hyvinvointi", "Välmående", false, 6 },
                    { "youth", "Theme", "Youth", "Nuoret", "Unga", false, 8 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ChallengeId",
                table: "Ideas",
                column: "ChallengeId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ListedAt_Id",
                table: "Ideas",
                columns: new[] { "ListedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_SupportCount_Id",
                table: "Ideas",
                columns: new[] { "SupportCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_UpdatedAt_Id",
                table: "Ideas",
                columns: new[] { "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_ClosesOn_Id",
                table: "Challenges",
                columns: new[] { "ClosesOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_IdeaId_ParentCommentId_CreatedAt",
                table: "Comments",
                columns: new[] { "IdeaId", "ParentCommentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ParentCommentId",
                table: "Comments",
                column: "ParentCommentId");

            migrationBuilder.CreateIndex(
                name: "IX_Follows_PersonId",
                table: "Follows",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotentRequests_CreatedAt",
                table: "IdempotentRequests",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ModerationActions_At",
                table: "ModerationActions",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ModerationActions_TargetKind_TargetId",
                table: "ModerationActions",
                columns: new[] { "TargetKind", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ResolvedAt_CreatedAt",
                table: "Reports",
                columns: new[] { "ResolvedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_TargetKind_TargetId",
                table: "Reports",
                columns: new[] { "TargetKind", "TargetId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Ideas_Challenges_ChallengeId",
                table: "Ideas",
                column: "ChallengeId",
                principalTable: "Challenges",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
                    migrationBuilder.Sql("UPDATE Ideas SET ListedAt = COALESCE(PublishedAt, CreatedAt), UpdatedAt = CreatedAt, Version = 1 WHERE Version = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.DropForeignKey(
                name: "FK_Ideas_Challenges_ChallengeId",
                table: "Ideas");

            migrationBuilder.DropTable(
                name: "Challenges");

            migrationBuilder.DropTable(
                name: "Comments");

            migrationBuilder.DropTable(
                name: "Follows");

            migrationBuilder.DropTable(
                name: "IdeaVersions");

            migrationBuilder.DropTable(
                name: "IdempotentRequests");

            migrationBuilder.DropTable(
                name: "ModerationActions");

            migrationBuilder.DropTable(
                name: "Reports");

            migrationBuilder.DropTable(
                name: "Supports");

            migrationBuilder.DropTable(
                name: "TaxonomyTerms");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_ChallengeId",
                table: "Ideas");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_ListedAt_Id",
                table: "Ideas");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_SupportCount_Id",
                table: "Ideas");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_UpdatedAt_Id",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "AgeGroups",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "ChallengeId",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "CommentCount",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "FollowerCount",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "HiddenAt",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "HiddenReason",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "ListedAt",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "SupportCount",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Ideas");

            migrationBuilder.AlterColumn<string>(
                name: "Status",
                table: "Ideas",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(30)",
                oldMaxLength: 30);
        }
    }
}
