namespace TpmPrep.Web.Data;

/// <summary>
/// One user's practice on one day of their own calendar (in <see cref="ProgressRollupState.ZoneId"/>): kept up to
/// date on every write so the dashboard reads one row a day, however many answers the day holds.
/// </summary>
public sealed class ProgressDay
{
    public string UserId { get; set; } = string.Empty;

    public DateOnly Day { get; set; }

    public int Attempts { get; set; }

    /// <summary>How many of the day's attempts the owner has graded.</summary>
    public int Graded { get; set; }
}
