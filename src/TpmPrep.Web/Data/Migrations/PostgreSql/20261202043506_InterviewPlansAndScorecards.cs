using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TpmPrep.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InterviewPlansAndScorecards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InterviewPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerId = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterviewPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InterviewPlans_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanCandidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Notes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    DecisionRationale = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanCandidates_InterviewPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "InterviewPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanInterviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    KitId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanInterviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanInterviews_InterviewPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "InterviewPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanInterviews_QuestionSets_KitId",
                        column: x => x.KitId,
                        principalTable: "QuestionSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PlanInterviewers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InterviewId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanInterviewers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanInterviewers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanInterviewers_PlanInterviews_InterviewId",
                        column: x => x.InterviewId,
                        principalTable: "PlanInterviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Scorecards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CandidateId = table.Column<int>(type: "integer", nullable: false),
                    InterviewId = table.Column<int>(type: "integer", nullable: false),
                    InterviewerId = table.Column<string>(type: "text", nullable: false),
                    AreaScores = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Recommendation = table.Column<int>(type: "integer", nullable: true),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EditedAfterSubmitUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scorecards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Scorecards_AspNetUsers_InterviewerId",
                        column: x => x.InterviewerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Scorecards_PlanCandidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "PlanCandidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Scorecards_PlanInterviews_InterviewId",
                        column: x => x.InterviewId,
                        principalTable: "PlanInterviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScorecardQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScorecardId = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Ratings = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScorecardQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScorecardQuestions_Scorecards_ScorecardId",
                        column: x => x.ScorecardId,
                        principalTable: "Scorecards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InterviewPlans_OwnerId_UpdatedUtc",
                table: "InterviewPlans",
                columns: new[] { "OwnerId", "UpdatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanCandidates_PlanId",
                table: "PlanCandidates",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanInterviewers_InterviewId_UserId",
                table: "PlanInterviewers",
                columns: new[] { "InterviewId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanInterviewers_UserId",
                table: "PlanInterviewers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanInterviews_KitId",
                table: "PlanInterviews",
                column: "KitId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanInterviews_PlanId_Position",
                table: "PlanInterviews",
                columns: new[] { "PlanId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardQuestions_ScorecardId_QuestionId",
                table: "ScorecardQuestions",
                columns: new[] { "ScorecardId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scorecards_CandidateId_InterviewId_InterviewerId",
                table: "Scorecards",
                columns: new[] { "CandidateId", "InterviewId", "InterviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scorecards_InterviewerId",
                table: "Scorecards",
                column: "InterviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_Scorecards_InterviewId",
                table: "Scorecards",
                column: "InterviewId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanInterviewers");

            migrationBuilder.DropTable(
                name: "ScorecardQuestions");

            migrationBuilder.DropTable(
                name: "Scorecards");

            migrationBuilder.DropTable(
                name: "PlanCandidates");

            migrationBuilder.DropTable(
                name: "PlanInterviews");

            migrationBuilder.DropTable(
                name: "InterviewPlans");
        }
    }
}
