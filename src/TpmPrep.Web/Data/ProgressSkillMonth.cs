namespace TpmPrep.Web.Data;

/// <summary>
/// One user's self-grades in one skill area in one month of their calendar: the count and the sum of the averages
/// (on the common 4-point scale), so an average per month and overall needs no pass over the attempts.
/// </summary>
public sealed class ProgressSkillMonth
{
    public string UserId { get; set; } = string.Empty;

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public string SkillId { get; set; } = string.Empty;

    public int Graded { get; set; }

    public double ScoreSum { get; set; }
}
