using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TpmPrep.Web.Data.Migrations.Sqlite
{
    public partial class SkillsAssessment : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    TargetLevelId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ModelSnapshot = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentAreaScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentAreaScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentAreaScores_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentRatings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SkillId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentRatings", x => x.Id);
                    table.CheckConstraint("CK_AssessmentRatings_Rating", "\"Rating\" IS NULL OR \"Rating\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_AssessmentRatings_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAreaScores_AssessmentId_SkillId",
                table: "AssessmentAreaScores",
                columns: new[] { "AssessmentId", "SkillId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRatings_AssessmentId_IndicatorId",
                table: "AssessmentRatings",
                columns: new[] { "AssessmentId", "IndicatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_UserId_CompletedUtc",
                table: "Assessments",
                columns: new[] { "UserId", "CompletedUtc" });
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentAreaScores");

            migrationBuilder.DropTable(
                name: "AssessmentRatings");

            migrationBuilder.DropTable(
                name: "Assessments");
        }
    }
}
