using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TpmPrep.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharedKeysAndOneAssessmentInProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            // Before one in progress per person can be enforced, settle the accounts that have several (a race
            // between two "start" requests, or an import): the newest stays in progress; an older one with no
            // rating is deleted, and an older one with ratings is closed, so its ratings stay in the export.
            migrationBuilder.Sql("""
                DELETE FROM "Assessments"
                WHERE "CompletedUtc" IS NULL
                  AND "Id" NOT IN (SELECT MAX("Id") FROM "Assessments" WHERE "CompletedUtc" IS NULL GROUP BY "UserId")
                  AND NOT EXISTS (SELECT 1 FROM "AssessmentRatings" r WHERE r."AssessmentId" = "Assessments"."Id");
                UPDATE "Assessments" SET "CompletedUtc" = "UpdatedUtc"
                WHERE "CompletedUtc" IS NULL
                  AND "Id" NOT IN (SELECT MAX("Id") FROM "Assessments" WHERE "CompletedUtc" IS NULL GROUP BY "UserId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_OneInProgress",
                table: "Assessments",
                column: "UserId",
                unique: true,
                filter: "\"CompletedUtc\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_OneInProgress",
                table: "Assessments");
        }
    }
}
