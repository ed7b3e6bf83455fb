using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TpmPrep.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuickReviewsFollowUpsRecordings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AudioBytes",
                table: "Attempts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AudioContentType",
                table: "Attempts",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FollowUpIndex",
                table: "Attempts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUpPrompt",
                table: "Attempts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReviewDailyCap",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "QuickReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Outline = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Covered = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CoveredCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PointCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeTakenSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuickReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuickReviews_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuickReviews_UserId_CreatedUtc",
                table: "QuickReviews",
                columns: new[] { "UserId", "CreatedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuickReviews");

            migrationBuilder.DropColumn(
                name: "AudioBytes",
                table: "Attempts");

            migrationBuilder.DropColumn(
                name: "AudioContentType",
                table: "Attempts");

            migrationBuilder.DropColumn(
                name: "FollowUpIndex",
                table: "Attempts");

            migrationBuilder.DropColumn(
                name: "FollowUpPrompt",
                table: "Attempts");

            migrationBuilder.DropColumn(
                name: "ReviewDailyCap",
                table: "AspNetUsers");
        }
    }
}
