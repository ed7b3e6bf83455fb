using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TpmPrep.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ProgressRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SkillId",
                table: "Attempts",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProgressDays",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Graded = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressDays", x => new { x.UserId, x.Day });
                    table.ForeignKey(
                        name: "FK_ProgressDays_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressQuestions",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    QuestionId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    BankId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressQuestions", x => new { x.UserId, x.QuestionId });
                    table.ForeignKey(
                        name: "FK_ProgressQuestions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressRollupStates",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ZoneId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressRollupStates", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_ProgressRollupStates_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressSkillMonths",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    SkillId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Graded = table.Column<int>(type: "integer", nullable: false),
                    ScoreSum = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressSkillMonths", x => new { x.UserId, x.Month, x.SkillId });
                    table.ForeignKey(
                        name: "FK_ProgressSkillMonths_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgressDays");

            migrationBuilder.DropTable(
                name: "ProgressQuestions");

            migrationBuilder.DropTable(
                name: "ProgressRollupStates");

            migrationBuilder.DropTable(
                name: "ProgressSkillMonths");

            migrationBuilder.DropColumn(
                name: "SkillId",
                table: "Attempts");
        }
    }
}
