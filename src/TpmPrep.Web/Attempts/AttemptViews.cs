
namespace TpmPrep.Web.Attempts;

/// <summary>A row of "My attempts".</summary>
public sealed record AttemptSummary(
    int Id,
    string QuestionId,
    string QuestionTitle,
    string BankId,
    DateTime CreatedUtc,
    DateTime? GradedUtc,
    double? AverageScore,
    int TimeTakenSeconds,
    bool FollowUp = false);

/// <summary>One attempt with its answer and grades.</summary>
public sealed record AttemptDetails(
    int Id,
    string OwnerId,
    string QuestionId,
    string QuestionTitle,
    string BankId,
    string QuestionTextHash,
    string Answer,
    int TimeTakenSeconds,
    DateTime CreatedUtc,
    DateTime? GradedUtc,
    double? AverageScore,
    IReadOnlyList<CriterionScore> Scores,
    string? Notes,
    int? SessionId,
    int? AudioBytes = null,
    int? FollowUpIndex = null,
    string? FollowUpPrompt = null)
{
    /// <summary>True for a follow-up answered as a short attempt: not graded against the question's rubric.</summary>
    public bool IsFollowUp => FollowUpIndex is not null;

    /// <summary>True when the answer was spoken: there is a recording to play.</summary>
    public bool HasRecording => AudioBytes is > 0;
}

/// <summary>A self-grade on one criterion, out of <paramref name="Levels"/>.</summary>
public sealed record CriterionScore(int CriterionIndex, string Criterion, int Score, int Levels);

public enum GradeOutcome
{
    Saved,
    NotFound,
    QuestionGone,
    Invalid,
}
