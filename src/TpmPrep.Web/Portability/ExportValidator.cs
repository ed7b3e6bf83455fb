using System.Text.Json;
using TpmPrep.Content.Scoring;
using TpmPrep.Web.Assessments;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Data;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Portability;

/// <summary>
/// Checks an export before import, so that nothing is stored that a page could not show: dates in a sane
/// range, snapshots that parse, at most one unfinished assessment, enums by name, numbers in range.
/// Every problem is named with where it is, at most 20 of them.
/// </summary>
public static class ExportValidator
{
    /// <summary>No TpmPrep record is older than this; anything earlier is a broken or forged date.</summary>
    public static readonly DateTime EarliestDate = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A due date may lie ahead, but not further than an export could ever hold.</summary>
    public const int LatestDueYears = 10;

    public const int MaxRatingsPerAssessment = 500;

    public const int MaxAreasPerAssessment = 50;

    public const int MaxCoachGradesPerAttempt = 20;

    private const int MaxErrors = 20;

    private static readonly string[] SessionModes = Enum.GetNames<SessionMode>();

    public static IReadOnlyList<string> Validate(ExportDocument document, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok && errors.Count < MaxErrors)
            {
                errors.Add(message);
            }
        }

        // Events happened between 2000 and now (a day's grace for clocks that disagree).
        var latestEvent = nowUtc.AddDays(1);
        bool Past(DateTime? value) => value is null || (Utc(value.Value) >= EarliestDate && Utc(value.Value) <= latestEvent);
        var range = $"between {EarliestDate:yyyy-MM-dd} and {latestEvent:yyyy-MM-dd}";

        if (document.Format != ExportDocument.FormatName)
        {
            return ["This is not a TpmPrep export: \"format\" should be \"tpmprep-export\"."];
        }

        if (document.Version is not { } version || version < ExportDocument.OldestVersion || version > ExportDocument.CurrentVersion)
        {
            return [$"This export is version {document.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(missing)"}; this TpmPrep reads versions {ExportDocument.OldestVersion} to {ExportDocument.CurrentVersion}."];
        }

        var total = (document.Questions?.Count ?? 0) + (document.Attempts?.Count ?? 0) + (document.ReviewSchedules?.Count ?? 0) + (document.Assessments?.Count ?? 0) + (document.Sessions?.Count ?? 0) + (document.Lists?.Count ?? 0) + (document.QuickReviews?.Count ?? 0);
        if (total > DataPortability.MaxImportRecords)
        {
            return [$"This export holds {total:N0} records; an import takes at most {DataPortability.MaxImportRecords:N0}."];
        }

        var written = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (document.Questions?.Count ?? 0); i++)
        {
            var q = document.Questions![i];
            var at = $"questions[{i}]";
            Check(q is not null && q.Id is not null && QuestionSource.CustomIdOf(q.Id) is not null, $"{at}.id: missing or not the id of a question written in the app (my-1, my-2, ...).");
            Check(q?.Id is null || written.Add(q.Id), $"{at}.id: used twice.");
            Check(!string.IsNullOrWhiteSpace(q?.Markdown), $"{at}.markdown: missing.");
            Check((q?.Markdown?.Length ?? 0) <= CustomQuestionLimits.MaxLength, $"{at}.markdown: longer than {CustomQuestionLimits.MaxLength:N0} characters.");
            Check(q?.CreatedUtc is not null && Past(q.CreatedUtc) && Past(q.UpdatedUtc), $"{at}: createdUtc and updatedUtc must be {range}.");
        }

        // A question written in the app is named by its id in this file only: an id of one not in the file would
        // name somebody else's question in the database it is imported into.
        bool Known(string? questionId) => questionId is null || QuestionSource.CustomIdOf(questionId) is null || written.Contains(questionId);

        var refs = new HashSet<int>();
        for (var i = 0; i < (document.Attempts?.Count ?? 0); i++)
        {
            var a = document.Attempts![i];
            var at = $"attempts[{i}]";
            Check(a is not null, $"{at}: empty record.");
            if (a is null)
            {
                continue;
            }

            Check(IsId(a.QuestionId), $"{at}.questionId: missing or not an id.");
            Check(Known(a.QuestionId), $"{at}.questionId: {a.QuestionId} is written in the app but not among the questions in this file.");
            Check(a.FollowUpIndex is null or >= 0 and <= 50 && (a.FollowUpPrompt?.Length ?? 0) <= 1000 && (a.FollowUpIndex is null || (a.Scores ?? []).Count == 0), $"{at}.followUpIndex: a follow-up is 0 to 50, its prompt at most 1,000 characters, and it has no rubric scores.");
            Check(a.Recording is null || (Attempts.AnswerRecordings.IsAudio(a.Recording.ContentType) && a.Recording.Base64 is { Length: > 0 } b64 && b64.Length <= ((Attempts.AnswerRecordings.MaxBytes + 2) / 3 * 4) && IsBase64(b64)),
                $"{at}.recording: needs an audio contentType and base64 audio of at most {Attempts.AnswerRecordings.MaxBytes / (1024 * 1024)} MB.");
            Check(!string.IsNullOrWhiteSpace(a.Answer), $"{at}.answer: missing.");
            Check((a.Answer?.Length ?? 0) <= AnswerLimits.MaxLength, $"{at}.answer: longer than {AnswerLimits.MaxLength:N0} characters.");
            Check((a.Notes?.Length ?? 0) <= AnswerLimits.MaxNotesLength, $"{at}.notes: longer than {AnswerLimits.MaxNotesLength:N0} characters.");
            Check((a.QuestionTitle?.Length ?? 0) <= 200 && (a.BankId?.Length ?? 0) <= 80 && (a.QuestionTextHash?.Length ?? 0) <= 64, $"{at}: a title, bank id or hash is too long.");
            Check(a.CreatedUtc is not null, $"{at}.createdUtc: missing.");
            Check(Past(a.CreatedUtc), $"{at}.createdUtc: must be {range}.");
            Check(Past(a.GradedUtc), $"{at}.gradedUtc: must be {range}.");
            Check(a.TimeTakenSeconds is null or >= 0 and <= AnswerLimits.MaxTimeTakenSeconds, $"{at}.timeTakenSeconds: must be 0 to {AnswerLimits.MaxTimeTakenSeconds}.");
            Check(a.Ref is null || refs.Add(a.Ref.Value), $"{at}.ref: used twice.");
            var scores = a.Scores ?? [];
            Check(scores.Count <= 20, $"{at}.scores: more than 20 criteria.");
            Check(scores.All(s => s is { Score: { } score, CriterionIndex: >= 0 and < 20 } && s.Levels is null or >= RubricScale.FewestLevels and <= RubricScale.MostLevels
                    && RubricScale.IsOnScale(score, s.Levels ?? RubricScale.CommonLevels)),
                $"{at}.scores: every score needs a criterionIndex (0-19), levels from {RubricScale.FewestLevels} to {RubricScale.MostLevels} (4 if absent) and a score from 1 to its levels.");
            Check(scores.Select(s => s?.Levels).Distinct().Count() <= 1, $"{at}.scores: the criteria use different scales.");
            Check(scores.Select(s => s?.CriterionIndex).Distinct().Count() == scores.Count, $"{at}.scores: a criterion is graded twice.");
            Check(scores.All(s => (s?.Criterion?.Length ?? 0) <= 200), $"{at}.scores: a criterion name is longer than 200 characters.");
            var grades = a.CoachGrades ?? [];
            Check(grades.Count <= MaxCoachGradesPerAttempt, $"{at}.coachGrades: more than {MaxCoachGradesPerAttempt}.");
            for (var g = 0; g < grades.Count && g < MaxCoachGradesPerAttempt; g++)
            {
                var grade = grades[g];
                var gradeAt = $"{at}.coachGrades[{g}]";
                var gradeScores = grade?.Scores ?? [];
                Check(grade is not null && !string.IsNullOrWhiteSpace(grade.Coach) && grade.Coach.Length <= 100, $"{gradeAt}.coach: missing or longer than 100 characters.");
                Check(Past(grade?.GradedUtc), $"{gradeAt}.gradedUtc: must be {range}.");
                Check(gradeScores.Count is > 0 and <= 20, $"{gradeAt}.scores: from 1 to 20 criteria.");
                Check(gradeScores.All(s => s is { Score: { } score, CriterionIndex: >= 0 and < 20 } && s.Levels is null or >= RubricScale.FewestLevels and <= RubricScale.MostLevels
                        && RubricScale.IsOnScale(score, s.Levels ?? RubricScale.CommonLevels) && (s.Criterion?.Length ?? 0) <= 200),
                    $"{gradeAt}.scores: every score needs a criterionIndex (0-19), levels from {RubricScale.FewestLevels} to {RubricScale.MostLevels} and a score from 1 to its levels.");
                Check(gradeScores.Select(s => s?.Levels).Distinct().Count() <= 1 && gradeScores.Select(s => s?.CriterionIndex).Distinct().Count() == gradeScores.Count,
                    $"{gradeAt}.scores: one scale for all criteria, each criterion graded once.");
            }

            Check(grades.Select(g => g?.Coach).Distinct(StringComparer.Ordinal).Count() == grades.Count, $"{at}.coachGrades: one coach graded twice.");
            var threads = a.Threads ?? [];
            Check(threads.Count <= CoachingLimits.ThreadsPerAttempt, $"{at}.threads: more than {CoachingLimits.ThreadsPerAttempt}.");
            for (var t = 0; t < threads.Count && t < CoachingLimits.ThreadsPerAttempt; t++)
            {
                var thread = threads[t];
                var threadAt = $"{at}.threads[{t}]";
                var comments = thread?.Comments ?? [];
                Check(thread is not null && !string.IsNullOrWhiteSpace(thread.Coach) && thread.Coach.Length <= 100, $"{threadAt}.coach: missing or longer than 100 characters.");
                Check(thread?.CriterionIndex is null or >= 0 and < 20 && (thread?.Criterion?.Length ?? 0) <= 200, $"{threadAt}: criterionIndex 0-19 (or none), criterion at most 200 characters.");
                Check(thread?.CreatedUtc is not null && Past(thread.CreatedUtc) && Past(thread.ResolvedUtc), $"{threadAt}: createdUtc and resolvedUtc must be {range}.");
                Check(comments.Count is > 0 and <= CoachingLimits.CommentsPerThread, $"{threadAt}.comments: from 1 to {CoachingLimits.CommentsPerThread}.");
                Check(comments.All(c => c is { FromCoach: not null, CreatedUtc: not null } && Past(c.CreatedUtc)
                        && !string.IsNullOrWhiteSpace(c.Author) && c.Author.Length <= 100
                        && !string.IsNullOrWhiteSpace(c.Body) && c.Body.Length <= CoachingLimits.CommentLength),
                    $"{threadAt}.comments: every comment needs fromCoach, an author (at most 100 characters), a body (at most {CoachingLimits.CommentLength:N0} characters) and a createdUtc {range}.");
            }
        }

        var scheduled = new HashSet<string>(StringComparer.Ordinal);
        var latestDue = nowUtc.AddYears(LatestDueYears);
        for (var i = 0; i < (document.ReviewSchedules?.Count ?? 0); i++)
        {
            var r = document.ReviewSchedules![i];
            var at = $"reviewSchedules[{i}]";
            Check(r is not null && IsId(r.QuestionId), $"{at}.questionId: missing or not an id.");
            Check(Known(r?.QuestionId), $"{at}.questionId: {r?.QuestionId} is written in the app but not among the questions in this file.");
            Check(r?.DueUtc is not null, $"{at}.dueUtc: missing.");
            Check(r?.DueUtc is null || (Utc(r.DueUtc.Value) >= EarliestDate && Utc(r.DueUtc.Value) <= latestDue), $"{at}.dueUtc: must be between {EarliestDate:yyyy-MM-dd} and {latestDue:yyyy-MM-dd}.");
            Check(Past(r?.LastReviewedUtc), $"{at}.lastReviewedUtc: must be {range}.");
            Check(r?.EaseFactor is null or >= ReviewScheduling.MinimumEase and <= ReviewScheduling.MaximumEase, $"{at}.easeFactor: must be {ReviewScheduling.MinimumEase} to {ReviewScheduling.MaximumEase}.");
            Check(r?.IntervalDays is null or >= 0 and <= 36500, $"{at}.intervalDays: must be 0 to 36,500.");
            Check(r?.Repetitions is null or >= 0 and <= 100_000, $"{at}.repetitions: must be 0 to 100,000.");
            Check(r?.LastQuality is null or >= 0 and <= 5, $"{at}.lastQuality: must be 0 to 5.");
            Check(r?.QuestionId is null || scheduled.Add(r.QuestionId), $"{at}.questionId: scheduled twice.");
        }

        var unfinished = 0;
        for (var i = 0; i < (document.Assessments?.Count ?? 0); i++)
        {
            var a = document.Assessments![i];
            var at = $"assessments[{i}]";
            Check(a is not null && IsId(a.TargetLevelId), $"{at}.targetLevelId: missing or not an id.");
            Check(a?.StartedUtc is not null, $"{at}.startedUtc: missing.");
            Check(Past(a?.StartedUtc) && Past(a?.UpdatedUtc) && Past(a?.CompletedUtc), $"{at}: startedUtc, updatedUtc and completedUtc must be {range}.");
            unfinished += a is { CompletedUtc: null } ? 1 : 0;
            Check(a?.CompletedUtc is null || a.ModelSnapshot is not null, $"{at}.modelSnapshot: a completed assessment needs the model it was scored against.");
            Check((a?.ModelSnapshot?.Length ?? 0) <= 1_000_000, $"{at}.modelSnapshot: too large.");
            Check(a?.ModelSnapshot is null || SnapshotIsReadable(a.ModelSnapshot), $"{at}.modelSnapshot: not a readable skill model (areas with ids, titles and indicators; levels with targets from 0 to 100).");
            Check((a?.Ratings?.Count ?? 0) <= MaxRatingsPerAssessment, $"{at}.ratings: more than {MaxRatingsPerAssessment}.");
            Check((a?.AreaScores?.Count ?? 0) <= MaxAreasPerAssessment, $"{at}.areaScores: more than {MaxAreasPerAssessment}.");
            Check((a?.Ratings ?? []).All(r => r is not null && IsId(r.IndicatorId) && (r.SkillId is null || IsId(r.SkillId)) && r.Rating is null or >= 1 and <= 5), $"{at}.ratings: every rating needs an indicatorId and a rating from 1 to 5 (or null for not yet observed).");
            Check((a?.Ratings ?? []).Select(r => r?.IndicatorId).Distinct().Count() == (a?.Ratings?.Count ?? 0), $"{at}.ratings: an indicator is rated twice.");
            Check((a?.AreaScores ?? []).All(s => s is not null && IsId(s.SkillId) && s.Score is >= 0 and <= 100 && s.Target is null or >= 0 and <= 100), $"{at}.areaScores: every score needs a skillId, a score from 0 to 100 and a target from 0 to 100.");
            Check((a?.AreaScores ?? []).Select(s => s?.SkillId).Distinct().Count() == (a?.AreaScores?.Count ?? 0), $"{at}.areaScores: a skill area is scored twice.");
        }

        Check(unfinished <= 1, $"assessments: {unfinished} are unfinished; an account has at most one assessment in progress.");

        for (var i = 0; i < (document.Sessions?.Count ?? 0); i++)
        {
            var s = document.Sessions![i];
            var at = $"sessions[{i}]";
            Check(s?.Mode is not null && SessionModes.Contains(s.Mode, StringComparer.Ordinal), $"{at}.mode: must be {string.Join(" or ", SessionModes)}.");
            Check(s?.CreatedUtc is not null, $"{at}.createdUtc: missing.");
            Check(Past(s?.CreatedUtc) && Past(s?.StartedUtc) && Past(s?.CompletedUtc), $"{at}: createdUtc, startedUtc and completedUtc must be {range}.");
            Check((s?.Description?.Length ?? 0) <= 300, $"{at}.description: longer than 300 characters.");
            Check(s?.TotalMinutes is null or >= 0 and <= 100 * 120, $"{at}.totalMinutes: must be 0 to {100 * 120:N0}.");
            Check((s?.Items ?? []).All(item => item is not null && item.Position is >= 1 and <= 100 && IsId(item.QuestionId) && Past(item.ShownUtc)), $"{at}.items: every item needs a position (1-100), a questionId and a shownUtc {range} if any.");
            Check((s?.Items ?? []).All(item => Known(item?.QuestionId)), $"{at}.items: a question written in the app is not among the questions in this file.");
            Check((s?.Items ?? []).Select(item => item?.Position).Distinct().Count() == (s?.Items?.Count ?? 0), $"{at}.items: two items share a position.");
            Check((s?.Items ?? []).All(item => item?.AttemptRef is null || refs.Contains(item.AttemptRef.Value)), $"{at}.items: an attemptRef points at no attempt in the file.");
        }

        Check((document.Lists?.Count ?? 0) <= Lists.QuestionLists.MaxLists + 1, $"lists: {document.Lists?.Count} lists; an account has at most {Lists.QuestionLists.MaxLists} and the bookmarks.");
        Check((document.Lists ?? []).Count(l => l?.Bookmarks == true) <= 1, "lists: more than one is marked as the bookmarks.");
        for (var i = 0; i < (document.Lists?.Count ?? 0); i++)
        {
            var l = document.Lists![i];
            var at = $"lists[{i}]";
            Check(l is not null && (l.Bookmarks == true || Lists.QuestionLists.Problem(l.Name) is null), $"{at}.name: {(l is null ? "missing." : Lists.QuestionLists.Problem(l.Name))}");
            Check(Past(l?.CreatedUtc) && Past(l?.UpdatedUtc), $"{at}: createdUtc and updatedUtc must be {range}.");
            var limit = l?.Bookmarks == true ? Lists.QuestionLists.MaxBookmarks : Lists.QuestionLists.MaxQuestionsPerList;
            Check((l?.QuestionIds?.Count ?? 0) <= limit, $"{at}.questionIds: {l?.QuestionIds?.Count} questions; a list holds at most {limit}.");
            Check((l?.QuestionIds ?? []).All(IsId), $"{at}.questionIds: every entry must be a question id.");
        }

        for (var i = 0; i < (document.QuickReviews?.Count ?? 0); i++)
        {
            var r = document.QuickReviews![i];
            var at = $"quickReviews[{i}]";
            Check(r is not null && IsId(r.QuestionId) && Known(r.QuestionId), $"{at}.questionId: missing, not an id, or written in the app but not among the questions in this file.");
            Check(r?.CreatedUtc is not null && Past(r.CreatedUtc), $"{at}.createdUtc: must be {range}.");
            Check(r?.Outline is { Length: > 0 and <= Review.ReviewLimits.MaxOutlineLength }, $"{at}.outline: missing or longer than {Review.ReviewLimits.MaxOutlineLength:N0} characters.");
            Check(r?.PointCount is >= 0 and <= 50 && (r.Covered ?? []).All(c => c >= 0 && c < r.PointCount) && (r.Covered?.Count ?? 0) <= r.PointCount, $"{at}.covered: every index must be below pointCount (0-50).");
            Check(r?.TimeTakenSeconds is null or >= 0 and <= 3 * 60 * 60, $"{at}.timeTakenSeconds: must be 0 to {3 * 60 * 60:N0}.");
        }

        return errors;
    }

    /// <summary>A DateTime from JSON: "Z" or an offset gives UTC or local time; a bare time is taken as UTC.</summary>
    public static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static bool SnapshotIsReadable(string json)
    {
        try
        {
            var snapshot = SkillModelSnapshot.Parse(json);
            return snapshot.Areas is { Count: > 0 and <= MaxAreasPerAssessment }
                && snapshot.Areas.All(a => a is not null && IsId(a.Id) && !string.IsNullOrWhiteSpace(a.Title) && a.Indicators is not null && a.Indicators.All(i => i is not null && IsId(i.Id) && i.Statement is not null))
                && snapshot.Levels is not null
                && snapshot.Levels.All(l => l is not null && IsId(l.Id) && !string.IsNullOrWhiteSpace(l.Title) && l.Targets is not null && l.Targets.Values.All(t => t is >= 0 and <= 100));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsBase64(string value)
    {
        var buffer = new byte[(value.Length / 4 * 3) + 3];
        return Convert.TryFromBase64String(value, buffer, out _);
    }

    private static bool IsId(string? value) => value is { Length: > 0 and <= 80 } && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
