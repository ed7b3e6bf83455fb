using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TpmPrep.Web.Data.Migrations.PostgreSql
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AudioContentType",
                table: "Attempts",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FollowUpIndex",
                table: "Attempts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUpPrompt",
                table: "Attempts",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReviewDailyCap",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "QuickReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    QuestionId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Outline = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Covered = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CoveredCount = table.Column<int>(type: "integer", nullable: false),
                    PointCount = table.Column<int>(type: "integer", nullable: false),
                    TimeTakenSeconds = table.Column<int>(type: "integer", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
