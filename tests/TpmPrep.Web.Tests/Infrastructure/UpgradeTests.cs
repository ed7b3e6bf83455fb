using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TpmPrep.Content.Loading;
using TpmPrep.Web.Assessments;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>
/// A database as the version before EF Core 10 left it (its last migration, rows as it wrote them) is
/// migrated at start-up, and every record and every log-in still works.
/// </summary>
public sealed class ADatabaseFromBeforeTheUpgradeKeepsEverything
{
    /// <summary>The newest migration of the release that ran on EF Core 6.</summary>
    private const string LastMigrationBeforeTheUpgrade = "20261121084325_PracticeSessionsAndReview";

    private const string Password = "written-by-ef-six-26";
    private const string QuestionId = "sd-fleet-update-10000-servers";

    [Fact]
    public async Task EveryRecordAndEveryLogInSurvivesTheMigration()
    {
        using var factory = TpmPrepFactory.OnSqlite();
        Directory.CreateDirectory(factory.DataPath);
        await BuildOldDatabaseAsync(factory);

        using var candidate = new AppClient(factory);
        var login = await candidate.PostFormAsync("/account/login", new() { ["Input.Email"] = "OLD.Candidate@Example.com", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var attempts = await candidate.GetHtmlAsync("/attempts");
        Assert.Equal(2, AppClient.AttemptCount(attempts));
        var graded = await candidate.GetHtmlAsync("/attempts/1");
        Assert.Contains("Canary first, then waves.", graded, StringComparison.Ordinal);
        Assert.Contains("Average <span class=\"score-pill\">3.0</span>", graded, StringComparison.Ordinal);
        Assert.Contains("Check the error budget.", graded, StringComparison.Ordinal);
        Assert.Contains($"href=\"/questions/{QuestionId}\"", await candidate.GetHtmlAsync("/review"), StringComparison.Ordinal);
        Assert.Contains("A draft kept on the server.", await candidate.GetHtmlAsync($"/questions/{QuestionId}"), StringComparison.Ordinal);
        Assert.Contains("Readiness", await candidate.GetHtmlAsync("/assessment/1"), StringComparison.Ordinal);
        Assert.Contains($"/assessment/2/take/", await candidate.GetHtmlAsync("/assessment"), StringComparison.Ordinal);
        Assert.Contains("Old mock interview", await candidate.GetHtmlAsync("/practice/1/summary"), StringComparison.Ordinal);
        Assert.Contains("Europe/London", await candidate.GetHtmlAsync("/account/profile"), StringComparison.Ordinal);

        using var export = JsonDocument.Parse(await candidate.Http.GetStringAsync("/account/data?handler=Json"));
        Assert.Equal(2, export.RootElement.GetProperty("attempts").GetArrayLength());
        Assert.Equal(1, export.RootElement.GetProperty("reviewSchedules").GetArrayLength());
        Assert.Equal(2, export.RootElement.GetProperty("assessments").GetArrayLength());
        Assert.Equal(1, export.RootElement.GetProperty("sessions").GetArrayLength());

        // Grading still moves the old schedule on, and new records go in beside the old ones.
        var regrade = await candidate.PostFormAsync("/attempts/2/grade", new() { ["Input.Scores[0]"] = "4", ["Input.Scores[1]"] = "4", ["Input.Scores[2]"] = "4" });
        Assert.Equal(HttpStatusCode.Redirect, regrade.StatusCode);
        await candidate.AnswerAsync(QuestionId);
        Assert.Equal(3, await candidate.AttemptCountAsync());

        using var admin = new AppClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/account/login", new() { ["Input.Email"] = "old.admin@example.com", ["Input.Password"] = Password })).StatusCode);
        Assert.Contains("old.candidate@example.com", await admin.GetHtmlAsync("/admin/users"), StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        // The old grades were self-grades on four-level rubrics: the migration says so on each.
        var oldScores = await db.AttemptScores.AsNoTracking().Where(s => s.AttemptId == 1).Select(s => new { s.GradedById, s.GraderRole, s.Levels }).ToListAsync();
        Assert.NotEmpty(oldScores);
        Assert.All(oldScores, s => Assert.Equal(("u-candidate", GraderRole.Self, 4), (s.GradedById, s.GraderRole, s.Levels)));
        var created = await db.Attempts.AsNoTracking().Where(a => a.Id == 1).Select(a => a.CreatedUtc).SingleAsync();
        Assert.Equal((new DateTime(2026, 10, 1, 9, 30, 0), DateTimeKind.Utc), (created, created.Kind));
    }

    /// <summary>The schema of the last release before the upgrade, filled the way that release wrote its rows.</summary>
    private static async Task BuildOldDatabaseAsync(TpmPrepFactory factory)
    {
        var connectionString = $"Data Source={factory.DatabasePath}";
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).Options))
        {
            await db.GetService<IMigrator>().MigrateAsync(LastMigrationBeforeTheUpgrade);
        }

        var catalogue = ContentLoader.Load(factory.ContentPath, "content");
        var question = catalogue.FindQuestion(QuestionId)!;
        var snapshot = SkillModelSnapshot.From(catalogue).ToJson();
        var hasher = new PasswordHasher<AppUser>();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();

        async Task RunAsync(string sql, params (string Name, object? Value)[] parameters)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            await command.ExecuteNonQueryAsync();
        }

        await RunAsync("INSERT INTO AspNetRoles (Id, Name, NormalizedName, ConcurrencyStamp) VALUES ('r-candidate', 'Candidate', 'CANDIDATE', 'x'), ('r-admin', 'Admin', 'ADMIN', 'y')");
        foreach (var (id, email, name) in new[] { ("u-candidate", "old.candidate@example.com", "Old Candidate"), ("u-admin", "old.admin@example.com", "Old Admin") })
        {
            await RunAsync(
                """
                INSERT INTO AspNetUsers (Id, DisplayName, CreatedUtc, TimeZoneId, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed,
                    PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
                VALUES ($id, $name, '2026-09-01 08:00:00', 'Europe/London', $email, upper($email), $email, upper($email), 0, $hash, $stamp, $stamp, 0, 0, 1, 0)
                """,
                ("$id", id), ("$name", name), ("$email", email), ("$hash", hasher.HashPassword(new AppUser(), Password)), ("$stamp", Guid.NewGuid().ToString("N")));
        }

        await RunAsync("INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ('u-candidate', 'r-candidate'), ('u-admin', 'r-admin'), ('u-admin', 'r-candidate')");
        foreach (var (id, answer, graded) in new[] { (1, "Canary first, then waves.", true), (2, "Stop the rollout at the first alarm.", false) })
        {
            await RunAsync(
                """
                INSERT INTO Attempts (Id, UserId, QuestionId, BankId, QuestionTitle, QuestionTextHash, Answer, TimeTakenSeconds, CreatedUtc, GradedUtc, AverageScore, Notes, SessionId)
                VALUES ($id, 'u-candidate', $question, $bank, $title, $hash, $answer, 900, $created, $graded, $average, $notes, NULL)
                """,
                ("$id", id), ("$question", QuestionId), ("$bank", question.BankId), ("$title", question.Title), ("$hash", question.TextHash), ("$answer", answer),
                ("$created", id == 1 ? "2026-10-01 09:30:00" : "2026-10-02 09:30:00"), ("$graded", graded ? "2026-10-01 09:40:00" : null),
                ("$average", graded ? 3.0 : null), ("$notes", graded ? "Check the error budget." : null));
        }

        for (var i = 0; i < question.Rubric.Count; i++)
        {
            await RunAsync("INSERT INTO AttemptScores (AttemptId, CriterionIndex, Criterion, Score) VALUES (1, $index, $criterion, 3)", ("$index", i), ("$criterion", question.Rubric[i].Title));
        }

        await RunAsync("INSERT INTO ReviewSchedules (UserId, QuestionId, Repetitions, EaseFactor, IntervalDays, DueUtc, LastReviewedUtc, LastQuality, Retired) VALUES ('u-candidate', $question, 1, 2.5, 1, '2026-10-02 09:40:00', '2026-10-01 09:40:00', 4, 0)", ("$question", QuestionId));
        await RunAsync("INSERT INTO AnswerDrafts (UserId, QuestionId, Text, UpdatedUtc) VALUES ('u-candidate', $question, 'A draft kept on the server.', '2026-10-03 10:00:00')", ("$question", QuestionId));
        await RunAsync("INSERT INTO PracticeSessions (Id, UserId, Mode, Description, TotalMinutes, CreatedUtc, StartedUtc, CompletedUtc) VALUES (1, 'u-candidate', 1, 'Old mock interview', 40, '2026-10-01 09:14:00', '2026-10-01 09:15:00', '2026-10-01 09:30:00')");
        await RunAsync("INSERT INTO PracticeSessionItems (SessionId, Position, QuestionId, AttemptId, ShownUtc, WentOvertime) VALUES (1, 1, $question, 1, '2026-10-01 09:15:00', 0)", ("$question", QuestionId));
        await RunAsync("UPDATE Attempts SET SessionId = 1 WHERE Id = 1");

        // One completed assessment (with the model it was scored against) and one in progress.
        var level = catalogue.Levels[1];
        await RunAsync("INSERT INTO Assessments (Id, UserId, TargetLevelId, StartedUtc, UpdatedUtc, CompletedUtc, ModelSnapshot) VALUES (1, 'u-candidate', $level, '2026-09-10 10:00:00', '2026-09-10 10:20:00', '2026-09-10 10:20:00', $snapshot)", ("$level", level.Id), ("$snapshot", snapshot));
        await RunAsync("INSERT INTO Assessments (Id, UserId, TargetLevelId, StartedUtc, UpdatedUtc, CompletedUtc, ModelSnapshot) VALUES (2, 'u-candidate', $level, '2026-10-10 10:00:00', '2026-10-10 10:05:00', NULL, NULL)", ("$level", level.Id));
        foreach (var indicator in catalogue.Skills.SelectMany(s => s.Indicators))
        {
            await RunAsync("INSERT INTO AssessmentRatings (AssessmentId, IndicatorId, SkillId, Rating, UpdatedUtc) VALUES (1, $indicator, $skill, 3, '2026-09-10 10:10:00')", ("$indicator", indicator.Id), ("$skill", indicator.SkillId));
        }

        foreach (var skill in catalogue.Skills)
        {
            await RunAsync("INSERT INTO AssessmentAreaScores (AssessmentId, SkillId, Score, Target) VALUES (1, $skill, 50, $target)", ("$skill", skill.Id), ("$target", level.Targets.GetValueOrDefault(skill.Id)));
        }

        await RunAsync("INSERT INTO AssessmentRatings (AssessmentId, IndicatorId, SkillId, Rating, UpdatedUtc) VALUES (2, $indicator, $skill, 4, '2026-10-10 10:05:00')", ("$indicator", catalogue.Skills[0].Indicators[0].Id), ("$skill", catalogue.Skills[0].Id));
    }
}
