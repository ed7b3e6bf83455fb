using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TpmPrep.Web.Data.Migrations.PostgreSql
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "GradedById",
                table: "AttemptScores",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "GraderRole",
                table: "AttemptScores",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Levels",
                table: "AttemptScores",
                type: "integer",
                nullable: false,
                defaultValue: 4);

            // Every score so far is a self-grade on a four-level rubric: its grader is the attempt's owner.
            migrationBuilder.Sql("UPDATE \"AttemptScores\" SET \"GradedById\" = (SELECT \"UserId\" FROM \"Attempts\" WHERE \"Attempts\".\"Id\" = \"AttemptScores\".\"AttemptId\")");

            migrationBuilder.CreateTable(
                name: "CustomQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorId = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Markdown = table.Column<string>(type: "character varying(32000)", maxLength: 32000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
