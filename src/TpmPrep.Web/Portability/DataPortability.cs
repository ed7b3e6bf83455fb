using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Access;
using TpmPrep.Web.Data;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Portability;

/// <summary>Exports everything a user owns (JSON, or CSV files in a zip) and reads a JSON export for import (<see cref="ImportJobs"/>).</summary>
public sealed class DataPortability(AppDbContext db, TimeProvider clock, RecordAccess access, TpmPrep.Web.Infrastructure.TpmPrepPaths paths)
{
    /// <summary>Largest import accepted, in bytes.</summary>
    public const int MaxImportBytes = 20 * 1024 * 1024;

    public const int MaxImportRecords = 100_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, MaxDepth = 16 };

    public async Task<ExportDocument> ExportAsync(Viewer viewer, string userId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.AllData, AccessAction.Read, cancellationToken);
        var profile = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new ExportProfile(u.DisplayName, u.TimeZoneId, u.InterviewDate, u.TargetLevelId)).SingleAsync(cancellationToken);
        var attempts = await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == userId)
            .OrderBy(a => a.CreatedUtc).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.AudioContentType,
                a.FollowUpIndex,
                a.FollowUpPrompt,
                Export = new ExportAttempt(a.Id, a.QuestionId, a.BankId, a.QuestionTitle, a.QuestionTextHash, a.Answer, a.TimeTakenSeconds, a.CreatedUtc, a.GradedUtc, a.AverageScore, a.Notes,
                    a.Scores.Where(s => s.GraderRole == GraderRole.Self).OrderBy(s => s.CriterionIndex).Select(s => new ExportScore(s.CriterionIndex, s.Criterion, s.Score, s.Levels)).ToList()),
            })
            .ToListAsync(cancellationToken);
        // Coaches' grades and threads are few: read apart, in two queries, and joined to their attempts here.
        var coachScores = await db.AttemptScores.AsNoTracking()
            .Where(s => s.GraderRole == GraderRole.Coach && db.Attempts.Any(a => a.Id == s.AttemptId && a.UserId == userId))
            .OrderBy(s => s.AttemptId).ThenBy(s => s.GradedById).ThenBy(s => s.CriterionIndex)
            .Select(s => new { s.AttemptId, s.GradedById, s.GraderName, s.GradedUtc, Score = new ExportScore(s.CriterionIndex, s.Criterion, s.Score, s.Levels) })
            .ToListAsync(cancellationToken);
        var threads = await db.CommentThreads.AsNoTracking()
            .Where(t => t.CandidateId == userId)
            .OrderBy(t => t.AttemptId).ThenBy(t => t.CreatedUtc).ThenBy(t => t.Id)
            .Select(t => new
            {
                t.AttemptId,
                Export = new ExportThread(t.CoachName, t.CriterionIndex, t.Criterion, t.CreatedUtc, t.ResolvedUtc,
                    t.Comments.OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id).Select(c => new ExportComment(c.FromCoach, c.AuthorName, c.Body, c.CreatedUtc)).ToList()),
            })
            .ToListAsync(cancellationToken);
        var gradesByAttempt = coachScores.GroupBy(s => s.AttemptId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<ExportCoachGrade>)g.GroupBy(s => s.GradedById)
                .Select(c => new ExportCoachGrade(c.First().GraderName ?? "Coach", c.Max(s => s.GradedUtc), c.Select(s => s.Score).ToList())).ToList());
        var threadsByAttempt = threads.GroupBy(t => t.AttemptId).ToDictionary(g => g.Key, g => (IReadOnlyList<ExportThread>)g.Select(t => t.Export).ToList());
        var schedules = await db.ReviewSchedules.AsNoTracking()
            .Where(r => r.UserId == userId)
            .OrderBy(r => r.QuestionId)
            .Select(r => new ExportReviewSchedule(r.QuestionId, r.Repetitions, r.EaseFactor, r.IntervalDays, r.DueUtc, r.LastReviewedUtc, r.LastQuality, r.Retired))
            .ToListAsync(cancellationToken);
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => a.UserId == userId)
            .OrderBy(a => a.StartedUtc)
            .Select(a => new ExportAssessment(a.TargetLevelId, a.StartedUtc, a.UpdatedUtc, a.CompletedUtc, a.ModelSnapshot,
                a.Ratings.OrderBy(r => r.IndicatorId).Select(r => new ExportRating(r.IndicatorId, r.SkillId, r.Rating)).ToList(),
                a.AreaScores.OrderBy(s => s.SkillId).Select(s => new ExportAreaScore(s.SkillId, s.Score, s.Target)).ToList()))
            .ToListAsync(cancellationToken);
        var sessions = await db.PracticeSessions.AsNoTracking()
            .Where(s => s.UserId == userId)
            .OrderBy(s => s.CreatedUtc)
            .Select(s => new ExportSession(s.Mode.ToString(), s.Description, s.TotalMinutes, s.CreatedUtc, s.StartedUtc, s.CompletedUtc,
                s.Items.OrderBy(i => i.Position).Select(i => new ExportSessionItem(i.Position, i.QuestionId, i.AttemptId, i.ShownUtc, i.WentOvertime)).ToList()))
            .ToListAsync(cancellationToken);
        var written = await db.CustomQuestions.AsNoTracking()
            .Where(q => q.AuthorId == userId)
            .OrderBy(q => q.Id)
            .Select(q => new { q.Id, q.Markdown, q.CreatedUtc, q.UpdatedUtc })
            .ToListAsync(cancellationToken);
        var lists = await db.QuestionSets.AsNoTracking()
            .Where(s => s.OwnerId == userId && (s.Purpose == QuestionSetPurpose.List || s.Purpose == QuestionSetPurpose.Bookmarks))
            .OrderByDescending(s => s.Purpose).ThenBy(s => s.CreatedUtc).ThenBy(s => s.Id)
            .Select(s => new ExportList(s.Title, s.Purpose == QuestionSetPurpose.Bookmarks, s.CreatedUtc, s.UpdatedUtc, s.Items.OrderBy(i => i.Position).Select(i => i.QuestionId).ToList()))
            .ToListAsync(cancellationToken);
        var quick = (await db.QuickReviews.AsNoTracking()
            .Where(r => r.UserId == userId)
            .OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id)
            .Select(r => new { r.QuestionId, r.Outline, r.Covered, r.PointCount, r.TimeTakenSeconds, r.CreatedUtc })
            .ToListAsync(cancellationToken))
            .Select(r => new ExportQuickReview(r.QuestionId, r.Outline, r.Covered.Length == 0 ? [] : r.Covered.Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList(), r.PointCount, r.TimeTakenSeconds, r.CreatedUtc))
            .ToList();
        return new ExportDocument(ExportDocument.FormatName, ExportDocument.CurrentVersion, clock.GetUtcNow().UtcDateTime, profile,
            attempts.Select(a => a.Export with { CoachGrades = gradesByAttempt.GetValueOrDefault(a.Id), Threads = threadsByAttempt.GetValueOrDefault(a.Id), Recording = RecordingOf(userId, a.Id, a.AudioContentType), FollowUpIndex = a.FollowUpIndex, FollowUpPrompt = a.FollowUpPrompt }).ToList(), schedules, assessments, sessions,
            written.Select(q => new ExportQuestion(QuestionSource.IdOf(q.Id), q.Markdown, q.CreatedUtc, q.UpdatedUtc)).ToList(), lists, quick);
    }

    private ExportRecording? RecordingOf(string userId, int attemptId, string? contentType) =>
        contentType is not null && new Attempts.AnswerRecordings(db, paths, access).ReadAll(userId, attemptId) is { } audio
            ? new ExportRecording(contentType, Convert.ToBase64String(audio))
            : null;

    public static string ToJson(ExportDocument document) => JsonSerializer.Serialize(document, Json);

    /// <summary>attempts.csv, review-schedule.csv and assessments.csv in one zip.</summary>
    public static byte[] ToCsvZip(ExportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteCsv(zip, "attempts.csv",
                ["created_utc", "question_id", "bank_id", "question_title", "time_taken_seconds", "graded_utc", "average_score", "criterion_scores", "notes", "answer"],
                (document.Attempts ?? []).Select(a => new[]
                {
                    Format(a.CreatedUtc), a.QuestionId, a.BankId, a.QuestionTitle, a.TimeTakenSeconds?.ToString(CultureInfo.InvariantCulture), Format(a.GradedUtc),
                    a.AverageScore?.ToString("0.##", CultureInfo.InvariantCulture),
                    string.Join("; ", (a.Scores ?? []).Select(s => $"{s.Criterion}={s.Score}")), a.Notes, a.Answer,
                }));
            WriteCsv(zip, "review-schedule.csv",
                ["question_id", "due_utc", "interval_days", "repetitions", "ease_factor", "last_reviewed_utc", "retired"],
                (document.ReviewSchedules ?? []).Select(r => new[]
                {
                    r.QuestionId, Format(r.DueUtc), r.IntervalDays?.ToString(CultureInfo.InvariantCulture), r.Repetitions?.ToString(CultureInfo.InvariantCulture),
                    r.EaseFactor?.ToString("0.####", CultureInfo.InvariantCulture), Format(r.LastReviewedUtc), r.Retired == true ? "yes" : "no",
                }));
            WriteCsv(zip, "assessments.csv",
                ["started_utc", "completed_utc", "target_level", "skill_area", "score", "target"],
                (document.Assessments ?? []).SelectMany(a => (a.AreaScores ?? []).Select(s => new[]
                {
                    Format(a.StartedUtc), Format(a.CompletedUtc), a.TargetLevelId, s.SkillId, s.Score?.ToString("0.#", CultureInfo.InvariantCulture), s.Target?.ToString(CultureInfo.InvariantCulture),
                })));
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads and checks a JSON export: the document when it may be imported as it is, else every problem
    /// found (at most 20), before anything is written.
    /// </summary>
    public async Task<(ExportDocument? Document, IReadOnlyList<string> Errors)> ReadAsync(Stream json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        ExportDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<ExportDocument>(json, Json, cancellationToken);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is long line ? $" (line {line + 1})" : string.Empty;
            return (null, [$"This is not a TpmPrep export: the JSON is malformed{where}."]);
        }

        if (document is null)
        {
            return (null, ["This is not a TpmPrep export: the file is empty."]);
        }

        var errors = ExportValidator.Validate(document, clock.GetUtcNow().UtcDateTime);
        return errors.Count > 0 ? (null, errors) : (document, []);
    }

    public static ExportDocument FromJson(string json) =>
        JsonSerializer.Deserialize<ExportDocument>(json, Json) ?? throw new JsonException("empty export");

    private static string? Format(DateTime? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteCsv(ZipArchive zip, string name, IReadOnlyList<string> header, IEnumerable<string?[]> rows)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        writer.Write(string.Join(',', header.Select(Cell)) + "\r\n");
        foreach (var row in rows)
        {
            writer.Write(string.Join(',', row.Select(Cell)) + "\r\n");
        }
    }

    /// <summary>RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
