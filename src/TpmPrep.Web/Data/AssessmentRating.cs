namespace TpmPrep.Web.Data;

/// <summary>One indicator's rating: 1-5, or null for "not yet observed".</summary>
public sealed class AssessmentRating
{
    public int Id { get; set; }

    public int AssessmentId { get; set; }

    public string IndicatorId { get; set; } = string.Empty;

    public string SkillId { get; set; } = string.Empty;

    public int? Rating { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
