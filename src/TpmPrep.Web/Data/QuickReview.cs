namespace TpmPrep.Web.Data;

/// <summary>
/// A quick review of a question: a short outline instead of a full answer, and which of the strong-answer points it
/// covered, as the candidate ticked them. It moves the question's review schedule like a graded answer does.
/// </summary>
public sealed class QuickReview
{
    public int Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string QuestionId { get; set; } = string.Empty;

    public string Outline { get; set; } = string.Empty;

    /// <summary>The indexes (from 0) of the strong-answer points the outline covered, separated by commas.</summary>
    public string Covered { get; set; } = string.Empty;

    public int CoveredCount { get; set; }

    public int PointCount { get; set; }

    public int TimeTakenSeconds { get; set; }

    public DateTime CreatedUtc { get; set; }
}
