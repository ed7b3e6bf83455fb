namespace TpmPrep.Web.Portability;

// The JSON export, version 4 (bookmarks and lists, the interview date and target level); versions 1 to 3 (without questions written in the app, rubric scales, coaches' feedback, or lists) still import. Properties are nullable so an import can say which field is missing
// instead of failing inside the serializer; ExportValidator checks them all before anything is written.

public sealed record ExportDocument(
    string? Format,
    int? Version,
    DateTime? ExportedUtc,
    ExportProfile? Profile,
    IReadOnlyList<ExportAttempt>? Attempts,
    IReadOnlyList<ExportReviewSchedule>? ReviewSchedules,
    IReadOnlyList<ExportAssessment>? Assessments,
    IReadOnlyList<ExportSession>? Sessions,
    IReadOnlyList<ExportQuestion>? Questions = null,
    IReadOnlyList<ExportList>? Lists = null,
    IReadOnlyList<ExportQuickReview>? QuickReviews = null)
{
    public const string FormatName = "tpmprep-export";
    public const int CurrentVersion = 4;
    public const int OldestVersion = 1;
}

/// <summary>A question written in the app: its id in this export (attempts and schedules name it) and its Markdown.</summary>
public sealed record ExportQuestion(string? Id, string? Markdown, DateTime? CreatedUtc, DateTime? UpdatedUtc);

public sealed record ExportProfile(string? DisplayName, string? TimeZone, DateOnly? InterviewDate = null, string? TargetLevelId = null);

/// <summary>A quick review: the outline and which strong-answer points (indexes from 0) it covered, of how many.</summary>
public sealed record ExportQuickReview(string? QuestionId, string? Outline, IReadOnlyList<int>? Covered, int? PointCount, int? TimeTakenSeconds, DateTime? CreatedUtc);

/// <summary>The bookmarks (<paramref name="Bookmarks"/> true) or a personal list: its name and question ids in order.</summary>
public sealed record ExportList(string? Name, bool? Bookmarks, DateTime? CreatedUtc, DateTime? UpdatedUtc, IReadOnlyList<string>? QuestionIds);

public sealed record ExportAttempt(
    int? Ref,
    string? QuestionId,
    string? BankId,
    string? QuestionTitle,
    string? QuestionTextHash,
    string? Answer,
    int? TimeTakenSeconds,
    DateTime? CreatedUtc,
    DateTime? GradedUtc,
    double? AverageScore,
    string? Notes,
    IReadOnlyList<ExportScore>? Scores,
    IReadOnlyList<ExportCoachGrade>? CoachGrades = null,
    IReadOnlyList<ExportThread>? Threads = null,
    ExportRecording? Recording = null,
    int? FollowUpIndex = null,
    string? FollowUpPrompt = null);

/// <summary>A spoken answer: its media type and the audio itself, in base64.</summary>
public sealed record ExportRecording(string? ContentType, string? Base64);

/// <summary>A coach's grade of an attempt, by the coach's name (their account does not travel).</summary>
public sealed record ExportCoachGrade(string? Coach, DateTime? GradedUtc, IReadOnlyList<ExportScore>? Scores);

/// <summary>A coach's comment thread on an attempt: the criterion it is pinned to (if any) and its messages in order.</summary>
public sealed record ExportThread(string? Coach, int? CriterionIndex, string? Criterion, DateTime? CreatedUtc, DateTime? ResolvedUtc, IReadOnlyList<ExportComment>? Comments);

public sealed record ExportComment(bool? FromCoach, string? Author, string? Body, DateTime? CreatedUtc);

/// <summary>A self-grade on one criterion, out of <paramref name="Levels"/> (4 when absent, as in version 1).</summary>
public sealed record ExportScore(int? CriterionIndex, string? Criterion, int? Score, int? Levels = null);

public sealed record ExportReviewSchedule(
    string? QuestionId,
    int? Repetitions,
    double? EaseFactor,
    int? IntervalDays,
    DateTime? DueUtc,
    DateTime? LastReviewedUtc,
    int? LastQuality,
    bool? Retired);

public sealed record ExportAssessment(
    string? TargetLevelId,
    DateTime? StartedUtc,
    DateTime? UpdatedUtc,
    DateTime? CompletedUtc,
    string? ModelSnapshot,
    IReadOnlyList<ExportRating>? Ratings,
    IReadOnlyList<ExportAreaScore>? AreaScores);

public sealed record ExportRating(string? IndicatorId, string? SkillId, int? Rating);

public sealed record ExportAreaScore(string? SkillId, double? Score, int? Target);

public sealed record ExportSession(
    string? Mode,
    string? Description,
    int? TotalMinutes,
    DateTime? CreatedUtc,
    DateTime? StartedUtc,
    DateTime? CompletedUtc,
    IReadOnlyList<ExportSessionItem>? Items);

public sealed record ExportSessionItem(int? Position, string? QuestionId, int? AttemptRef, DateTime? ShownUtc, bool? WentOvertime);
