namespace TpmPrep.Web.Data;

/// <summary>When a question comes back for a candidate, by the SM-2 algorithm (docs/scheduling.md).</summary>
public sealed class ReviewSchedule
{
    public int Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string QuestionId { get; set; } = string.Empty;

    public int Repetitions { get; set; }

    public double EaseFactor { get; set; }

    public int IntervalDays { get; set; }

    public DateTime DueUtc { get; set; }

    public DateTime LastReviewedUtc { get; set; }

    /// <summary>The SM-2 quality (2-5) of the last review.</summary>
    public int LastQuality { get; set; }

    /// <summary>A retired question never comes back for review.</summary>
    public bool Retired { get; set; }
}
