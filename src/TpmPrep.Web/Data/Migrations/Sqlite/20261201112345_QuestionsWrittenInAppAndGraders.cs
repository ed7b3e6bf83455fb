using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TpmPrep.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuestionsWrittenInAppAndGraders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AttemptScores_AttemptId_CriterionIndex",
                table: "AttemptScores");

            migrationBuilder.DropCheckConstraint(
                name: "CK_AttemptScores_Score",
                table: "AttemptScores");

            migrationBuilder.AddColumn<int>(
                name: "AddedQuestions",
                table: "ImportJobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "GradedById",
                table: "AttemptScores",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "GraderRole",
                table: "AttemptScores",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Levels",
                table: "AttemptScores",
                type: "INTEGER",
                nullable: false,
                defaultValue: 4);

            // Every score so far is a self-grade on a four-level rubric: its grader is the attempt's owner.
            migrationBuilder.Sql("UPDATE \"AttemptScores\" SET \"GradedById\" = (SELECT \"UserId\" FROM \"Attempts\" WHERE \"Attempts\".\"Id\" = \"AttemptScores\".\"AttemptId\")");

            migrationBuilder.CreateTable(
                name: "CustomQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Markdown = table.Column<string>(type: "TEXT", maxLength: 32000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomQuestions_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttemptScores_AttemptId_GraderRole_GradedById_CriterionIndex",
                table: "AttemptScores",
                columns: new[] { "AttemptId", "GraderRole", "GradedById", "CriterionIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomQuestions_AuthorId_UpdatedUtc",
                table: "CustomQuestions",
                columns: new[] { "AuthorId", "UpdatedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomQuestions");

            migrationBuilder.DropIndex(
                name: "IX_AttemptScores_AttemptId_GraderRole_GradedById_CriterionIndex",
                table: "AttemptScores");

            migrationBuilder.DropColumn(
                name: "AddedQuestions",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "GradedById",
                table: "AttemptScores");

            migrationBuilder.DropColumn(
                name: "GraderRole",
                table: "AttemptScores");

            migrationBuilder.DropColumn(
                name: "Levels",
                table: "AttemptScores");

            migrationBuilder.CreateIndex(
                name: "IX_AttemptScores_AttemptId_CriterionIndex",
                table: "AttemptScores",
                columns: new[] { "AttemptId", "CriterionIndex" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_AttemptScores_Score",
                table: "AttemptScores",
                sql: "\"Score\" BETWEEN 1 AND 4");
        }
    }
}
