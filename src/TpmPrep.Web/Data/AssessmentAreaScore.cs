namespace TpmPrep.Web.Data;

/// <summary>A completed assessment's score in one skill area, kept for history and trends.</summary>
public sealed class AssessmentAreaScore
{
    public int Id { get; set; }

    public int AssessmentId { get; set; }

    public string SkillId { get; set; } = string.Empty;

    public double Score { get; set; }

    public int Target { get; set; }
}
