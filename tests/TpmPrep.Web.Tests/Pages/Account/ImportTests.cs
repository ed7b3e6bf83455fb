using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Data;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Pages.Account;

/// <summary>An import is checked whole before anything is written, and only stores what the pages can show.</summary>
public sealed class ImportsOnlyStoreWhatThePagesCanShow
{
    private const string Attempt = """{"ref": 1, "questionId": "sd-fleet-update-10000-servers", "answer": "x", "createdUtc": "2026-01-01T00:00:00Z"}""";

    public static TheoryData<string, string> RefusedFiles() => new()
    {
        { Export(attempts: Attempt.Replace("2026-01-01", "0001-01-01", StringComparison.Ordinal)), "attempts[0].createdUtc: must be between 2000-01-01 and" },
        { Export(attempts: Attempt.Replace("2026-01-01", "9999-12-31", StringComparison.Ordinal)), "attempts[0].createdUtc: must be between 2000-01-01 and" },
        { Export(attempts: Attempt.Replace("}", ", \"gradedUtc\": \"3000-01-01T00:00:00Z\"}", StringComparison.Ordinal)), "attempts[0].gradedUtc: must be between" },
        { Export(assessments: Assessment(completed: true, snapshot: "\"{ not json\"")), "assessments[0].modelSnapshot: not a readable skill model" },
        { Export(assessments: Assessment(completed: true, snapshot: "\"{\\\"areas\\\": null, \\\"levels\\\": []}\"")), "assessments[0].modelSnapshot: not a readable skill model" },
        { Export(assessments: Assessment(completed: false) + "," + Assessment(completed: false, started: "2026-02-01")), "assessments: 2 are unfinished; an account has at most one assessment in progress." },
        { Export(sessions: Session("1")), "sessions[0].mode: must be Practice or MockInterview." },
        { Export(sessions: Session("Practice, MockInterview")), "sessions[0].mode: must be Practice or MockInterview." },
        { Export(sessions: Session("practice")), "sessions[0].mode: must be Practice or MockInterview." },
        { Export(sessions: Session("Practice").Replace("\"totalMinutes\": 10", "\"totalMinutes\": -5", StringComparison.Ordinal)), "sessions[0].totalMinutes: must be 0 to" },
        { Export(schedules: """{"questionId": "sd-fleet-update-10000-servers", "dueUtc": "2026-01-02T00:00:00Z", "lastQuality": 9}"""), "reviewSchedules[0].lastQuality: must be 0 to 5." },
        { Export(schedules: """{"questionId": "sd-fleet-update-10000-servers", "dueUtc": "9999-01-02T00:00:00Z"}"""), "reviewSchedules[0].dueUtc: must be between" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task AFileWithAnythingAPageCouldNotShowIsRefusedWhole(string file, string message)
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);

        var response = await OwningYourData.ImportAsync(candidate, Encoding.UTF8.GetBytes(file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(message), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("You have not answered", await candidate.GetHtmlAsync("/attempts"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await candidate.Http.GetAsync("/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await candidate.Http.GetAsync("/assessment")).StatusCode);
    }

    /// <summary>An unmodified export holding an assessment in progress, imported by someone who has one too, made /assessment answer 500 for good.</summary>
    [Fact]
    public async Task AnUnfinishedAssessmentInTheFileGivesWayToTheOneInProgress()
    {
        using var factory = new TpmPrepFactory();
        using var source = await AppClient.RegisteredAsync(factory);
        using var target = await AppClient.RegisteredAsync(factory);
        await StartAssessmentAsync(source, "tpm");
        var export = await source.Http.GetByteArrayAsync("/account/data?handler=Json");
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var mine = await StartAssessmentAsync(target, "senior-tpm");

        var result = await OwningYourData.ImportAndWaitAsync(target, export);

        Assert.Contains("Imported 0 attempts, 0 review schedules, 0 assessments and 0 sessions; skipped 1 already there.", result, StringComparison.Ordinal);
        Assert.Contains("this account already has one in progress, and that one stays", result, StringComparison.Ordinal);
        var page = await target.GetHtmlAsync("/assessment");
        Assert.Contains($"/assessment/{mine}/take/1", page, StringComparison.Ordinal);
        Assert.Contains("Senior TPM", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportedDatesWithoutAZoneAreTakenAsUtc()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);

        await OwningYourData.ImportAndWaitAsync(candidate, Encoding.UTF8.GetBytes(Export(attempts: Attempt.Replace("2026-01-01T00:00:00Z", "2026-01-01T10:30:00", StringComparison.Ordinal))));

        using var scope = factory.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Attempts.Select(a => a.CreatedUtc).SingleAsync();
        Assert.Equal(new DateTime(2026, 1, 1, 10, 30, 0), created);
    }

    internal static string Export(string attempts = "", string schedules = "", string assessments = "", string sessions = "") =>
        $$"""{"format": "tpmprep-export", "version": 1, "attempts": [{{attempts}}], "reviewSchedules": [{{schedules}}], "assessments": [{{assessments}}], "sessions": [{{sessions}}]}""";

    private static string Assessment(bool completed, string? snapshot = null, string started = "2026-01-01") =>
        $$"""{"targetLevelId": "tpm", "startedUtc": "{{started}}T00:00:00Z", "completedUtc": {{(completed ? "\"2026-01-02T00:00:00Z\"" : "null")}}, "modelSnapshot": {{snapshot ?? "null"}}, "ratings": [], "areaScores": []}""";

    private static string Session(string mode) =>
        $$"""{"mode": "{{mode}}", "description": "x", "totalMinutes": 10, "createdUtc": "2026-01-01T00:00:00Z", "items": [{"position": 1, "questionId": "sd-fleet-update-10000-servers"}]}""";

    internal static async Task<int> StartAssessmentAsync(AppClient client, string level)
    {
        var response = await client.PostFormAsync("/assessment", new() { ["LevelId"] = level });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>A record that a page cannot show (written before these checks existed) is shown as unreadable; the page around it still works.</summary>
public sealed class OneBadRecordNeverBreaksAPage
{
    [Fact]
    public async Task AnAssessmentWithADamagedSnapshotIsShownAsUnreadableAndCanBeDeleted()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var id = await AddAsync(factory, candidate, userId => new TpmPrep.Web.Data.Assessment { UserId = userId, TargetLevelId = "tpm", StartedUtc = now, UpdatedUtc = now, CompletedUtc = now, ModelSnapshot = "{\"areas\": [null]" });

        var results = await candidate.Http.GetAsync($"/assessment/{id}");

        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        Assert.Contains("cannot be shown: the skill model saved with it is damaged", await results.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await candidate.Http.GetAsync("/assessment")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync($"/assessment/{id}/delete", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await candidate.Http.GetAsync($"/assessment/{id}")).StatusCode);
    }

    /// <summary>Two assessments in progress made /assessment answer 500 for good; the database now refuses the second one.</summary>
    [Fact]
    public async Task ASecondAssessmentInProgressCannotBeStored()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var first = await AddAsync(factory, candidate, userId => new TpmPrep.Web.Data.Assessment { UserId = userId, TargetLevelId = "tpm", StartedUtc = now.AddDays(-2), UpdatedUtc = now.AddDays(-2) });

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => AddAsync(factory, candidate, userId => new TpmPrep.Web.Data.Assessment { UserId = userId, TargetLevelId = "senior-tpm", StartedUtc = now.AddDays(-1), UpdatedUtc = now.AddDays(-1) }));

        Assert.Contains($"/assessment/{first}/take/1", await candidate.GetHtmlAsync("/assessment"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/assessment", new() { ["LevelId"] = "senior-tpm" })).StatusCode);
        Assert.Contains($"/assessment/{first}/take/1", await candidate.GetHtmlAsync("/assessment"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttemptsDatedYearOneAndYear9999DoNotBreakTheDashboard()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        foreach (var when in new[] { DateTime.MinValue, DateTime.MaxValue })
        {
            await AddAsync(factory, candidate, userId => new Attempt { UserId = userId, QuestionId = "sd-fleet-update-10000-servers", BankId = "system-design", QuestionTitle = "Old", QuestionTextHash = "x", Answer = "x", CreatedUtc = when, GradedUtc = when, AverageScore = 3 });
        }

        foreach (var page in new[] { "/progress", "/attempts", "/review", "/practice", "/questions/sd-fleet-update-10000-servers" })
        {
            Assert.Equal(HttpStatusCode.OK, (await candidate.Http.GetAsync(page)).StatusCode);
        }
    }

    [Fact]
    public async Task ASessionShownInTheYearOneStillOpens()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var id = await AddAsync(factory, candidate, userId => new PracticeSession
        {
            UserId = userId, Mode = SessionMode.MockInterview, Description = "Old", TotalMinutes = 30, CreatedUtc = DateTime.MinValue, StartedUtc = DateTime.MinValue,
            Items = [new PracticeSessionItem { Position = 1, QuestionId = "sd-fleet-update-10000-servers", ShownUtc = DateTime.MinValue }],
        });

        Assert.Equal(HttpStatusCode.OK, (await candidate.Http.GetAsync($"/practice/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await candidate.Http.GetAsync($"/practice/{id}/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync($"/practice/{id}", new() { ["Input.Answer"] = "An answer", ["Position"] = "1" })).StatusCode);
    }

    private static async Task<int> AddAsync<T>(TpmPrepFactory factory, AppClient candidate, Func<string, T> create)
        where T : class
    {
        using var scope = factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(candidate.Email!);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entity = create(user!.Id);
        db.Add(entity);
        await db.SaveChangesAsync();
        return (int)db.Entry(entity).Property("Id").CurrentValue!;
    }
}

/// <summary>One attempt, assessment or session can be deleted on its own, and only by its owner.</summary>
public sealed class DeletingOneRecord
{
    private const string QuestionId = "sd-fleet-update-10000-servers";

    [Fact]
    public async Task AnAttemptIsDeletedAfterConfirmationAndTheRestStays()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var keep = await candidate.AnswerAsync(QuestionId, "keep this one");
        var drop = await candidate.AnswerAsync(QuestionId, "drop this one");

        Assert.Contains("Delete this attempt?", await candidate.GetHtmlAsync($"/attempts/{drop}/delete"), StringComparison.Ordinal);
        var deleted = await candidate.PostFormAsync($"/attempts/{drop}/delete", []);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var list = await candidate.GetHtmlAsync(deleted.Headers.Location!.OriginalString);
        Assert.Contains("The attempt was deleted.", list, StringComparison.Ordinal);
        Assert.Equal(1, AppClient.AttemptCount(list));
        Assert.Equal(HttpStatusCode.NotFound, (await candidate.Http.GetAsync($"/attempts/{drop}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await candidate.Http.GetAsync($"/attempts/{keep}")).StatusCode);
    }

    [Fact]
    public async Task ASessionIsDeletedAndItsAnswersStay()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var session = await Practice.PracticeDriver.StartSessionAsync(candidate, new() { ["Input.Count"] = "1", ["Input.Mode"] = "Practice" });
        await Practice.PracticeDriver.AnswerCurrentAsync(candidate, session);

        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync($"/practice/{session}/delete", [])).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await candidate.Http.GetAsync($"/practice/{session}/summary")).StatusCode);
        Assert.Equal(1, await candidate.AttemptCountAsync());
    }

    [Fact]
    public async Task SomeoneElsesRecordsCannotBeDeleted()
    {
        using var factory = new TpmPrepFactory();
        using var owner = await AppClient.RegisteredAsync(factory);
        using var stranger = await AppClient.RegisteredAsync(factory);
        var attempt = await owner.AnswerAsync(QuestionId);
        var assessment = await ImportsOnlyStoreWhatThePagesCanShow.StartAssessmentAsync(owner, "tpm");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/attempts/{attempt}/delete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostFormAsync("/attempts", [], action: $"/attempts/{attempt}/delete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostFormAsync("/assessment", [], action: $"/assessment/{assessment}/delete")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync($"/attempts/{attempt}")).StatusCode);
        Assert.Contains($"/assessment/{assessment}/take/1", await owner.GetHtmlAsync("/assessment"), StringComparison.Ordinal);
    }
}

/// <summary>A large import runs in the background in short batches, with its progress on a page of its own.</summary>
public sealed class ALargeImportRunsInBatches
{
    [Fact]
    public async Task ProgressIsWrittenBatchByBatchWhileOthersKeepWorking()
    {
        using var factory = new TpmPrepFactory();
        using var importer = await AppClient.RegisteredAsync(factory);
        using var bystander = await AppClient.RegisteredAsync(factory);
        const int attempts = 6_000;
        var file = Encoding.UTF8.GetBytes(ImportsOnlyStoreWhatThePagesCanShow.Export(attempts: string.Join(",", Enumerable.Range(0, attempts).Select(i =>
            $$"""{"ref": {{i}}, "questionId": "sd-fleet-update-10000-servers", "answer": "Answer {{i}}", "createdUtc": "{{new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i):yyyy-MM-ddTHH:mm:ssZ}}", "scores": [{"criterionIndex": 0, "score": 3}, {"criterionIndex": 1, "score": 2}, {"criterionIndex": 2, "score": 4}]}"""))));
        using var batches = new SqlCommandCounter(factory.Database, sql => sql.Contains("UPDATE \"ImportJobs\"", StringComparison.Ordinal) && sql.Contains("\"DoneRecords\" =", StringComparison.Ordinal));

        var upload = await OwningYourData.ImportAsync(importer, file);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var page = upload.Headers.Location!.OriginalString;
        var first = await importer.GetHtmlAsync(page);
        Assert.Contains("<progress id=\"import-progress\" max=\"6000\"", first, StringComparison.Ordinal);
        // Another candidate answers while the import is being written.
        var answered = await bystander.AnswerAsync("sd-fleet-update-10000-servers");
        // 24,000 rows in batches: give a busy machine (CI beside other work, PostgreSQL) a generous while.
        var done = await Eventually.WaitForAsync(() => importer.GetHtmlAsync(page), html => html.Contains("Imported ", StringComparison.Ordinal), "the import to finish", TimeSpan.FromMinutes(4));

        Assert.Contains("Imported 6,000 attempts", done, StringComparison.Ordinal);
        Assert.Contains("value=\"6000\"", done, StringComparison.Ordinal);
        // An attempt and its three scores are four rows: the job's progress was written after each full batch,
        // then at most twice more as the run finished (before the sessions, which point at attempts, and at the end).
        var fullBatches = attempts * 4 / TpmPrep.Web.Portability.ImportWriter.BatchRows;
        Assert.InRange(batches.Count, fullBatches, fullBatches + 2);
        Assert.Equal(HttpStatusCode.OK, (await bystander.Http.GetAsync($"/attempts/{answered}")).StatusCode);
        using var status = JsonDocument.Parse(await importer.Http.GetStringAsync(page + "?handler=Status"));
        Assert.True(status.RootElement.GetProperty("finished").GetBoolean());
        Assert.Equal(100, status.RootElement.GetProperty("percent").GetInt32());
    }
}
