using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TpmPrep.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnswerTimer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TimerPausedSeconds",
                table: "AnswerDrafts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "TimerPausedUtc",
                table: "AnswerDrafts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TimerStartedUtc",
                table: "AnswerDrafts",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TimerPausedSeconds",
                table: "AnswerDrafts");

            migrationBuilder.DropColumn(
                name: "TimerPausedUtc",
                table: "AnswerDrafts");

            migrationBuilder.DropColumn(
                name: "TimerStartedUtc",
                table: "AnswerDrafts");
        }
    }
}
