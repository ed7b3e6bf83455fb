using TpmPrep.Content.Scoring;

namespace TpmPrep.Web.Assessments;

/// <summary>An assessment being taken: its target and the ratings given so far (indicator id to rating; null = not yet observed).</summary>
public sealed record AssessmentInProgress(int Id, string TargetLevelId, DateTime StartedUtc, DateTime UpdatedUtc, bool IsCompleted, IReadOnlyDictionary<string, int?> Ratings);

/// <summary>A row of the assessment history.</summary>
public sealed record AssessmentSummary(int Id, string TargetLevelId, DateTime StartedUtc, DateTime? CompletedUtc, IReadOnlyDictionary<string, double> Scores);

/// <summary>Everything the results page shows.</summary>
public sealed record AssessmentResult(
    int Id,
    string TargetLevelId,
    DateTime CompletedUtc,
    SkillModelSnapshot Model,
    IReadOnlyList<AreaResult> Areas,
    IReadOnlyList<LevelReadiness> Readiness,
    IReadOnlyList<AreaCalibration> Calibration,
    IReadOnlyList<StrengthIndicator> Strengths,
    AssessmentSummary? Previous,
    IReadOnlyList<AssessmentSummary> History,
    IReadOnlyDictionary<string, IReadOnlyList<RecommendedQuestion>> Recommendations)
{
    /// <summary>True when the stored skill model could not be read: the page says so instead of failing.</summary>
    public bool IsUnreadable { get; private init; }

    public static AssessmentResult Unreadable(int id, string targetLevelId, DateTime completedUtc) =>
        new(id, targetLevelId, completedUtc, new SkillModelSnapshot([], []), [], [], [], [], null, [], new Dictionary<string, IReadOnlyList<RecommendedQuestion>>()) { IsUnreadable = true };
}

public sealed record StrengthIndicator(string SkillId, string Statement, int Rating);

public sealed record RecommendedQuestion(string Id, string Title, string LevelId, bool Attempted);

public enum SaveOutcome
{
    Saved,
    NotFound,
    Completed,
    Invalid,
}

public sealed record SaveResult(SaveOutcome Outcome, IReadOnlyList<string> Errors)
{
    public static SaveResult Ok { get; } = new(SaveOutcome.Saved, []);
}
