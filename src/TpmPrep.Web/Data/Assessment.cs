namespace TpmPrep.Web.Data;

/// <summary>A skills self-assessment: ratings of every indicator of the skill model against a target level.</summary>
public sealed class Assessment
{
    public int Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string TargetLevelId { get; set; } = string.Empty;

    public DateTime StartedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public DateTime? CompletedUtc { get; set; }

    /// <summary>
    /// The skill areas, indicators and level targets the assessment was scored against (JSON), so its
    /// results stay readable after the skill model is edited. Set when the assessment is completed.
    /// </summary>
    public string? ModelSnapshot { get; set; }

    public List<AssessmentRating> Ratings { get; set; } = [];

    public List<AssessmentAreaScore> AreaScores { get; set; } = [];
}
