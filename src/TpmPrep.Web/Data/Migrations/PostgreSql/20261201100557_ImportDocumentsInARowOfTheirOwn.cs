using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TpmPrep.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ImportDocumentsInARowOfTheirOwn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportJobDocuments",
                columns: table => new
                {
                    ImportJobId = table.Column<int>(type: "integer", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportJobDocuments", x => x.ImportJobId);
                    table.ForeignKey(
                        name: "FK_ImportJobDocuments_ImportJobs_ImportJobId",
                        column: x => x.ImportJobId,
                        principalTable: "ImportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Waiting imports keep their file.
            migrationBuilder.Sql("INSERT INTO \"ImportJobDocuments\" (\"ImportJobId\", \"Json\") SELECT \"Id\", \"Document\" FROM \"ImportJobs\" WHERE \"Document\" IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "Document",
                table: "ImportJobs");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportJobDocuments");

            migrationBuilder.AddColumn<string>(
                name: "Document",
                table: "ImportJobs",
                type: "text",
                nullable: true);
        }
    }
}
