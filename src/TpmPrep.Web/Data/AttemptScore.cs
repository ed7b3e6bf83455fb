namespace TpmPrep.Web.Data;

/// <summary>A self-grade on one rubric criterion of an attempt.</summary>
public sealed class AttemptScore
{
    public int Id { get; set; }

    public int AttemptId { get; set; }

    public int CriterionIndex { get; set; }

    /// <summary>The criterion's title when graded.</summary>
    public string Criterion { get; set; } = string.Empty;

    public int Score { get; set; }
}
