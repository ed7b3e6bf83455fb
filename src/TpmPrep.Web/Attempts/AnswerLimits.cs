
namespace TpmPrep.Web.Attempts;

public static class AnswerLimits
{
    /// <summary>Longest answer accepted, in characters (about 3,000 words: far more than a 45-minute answer).</summary>
    public const int MaxLength = 20_000;

    /// <summary>Time taken is reported by the browser's timer; anything beyond a day is clamped.</summary>
    public const int MaxTimeTakenSeconds = 24 * 60 * 60;

    public const int MaxNotesLength = 4_000;

    /// <summary>
    /// Seconds from the time a page was served (its <c>Started</c> field, in UTC ticks) to <paramref name="nowUtc"/>,
    /// clamped to <see cref="MaxTimeTakenSeconds"/>; 0 for a value that is missing, forged into the future or negative.
    /// </summary>
    public static int SecondsSince(long startedTicks, DateTime nowUtc) =>
        startedTicks > 0 && startedTicks <= nowUtc.Ticks
            ? (int)Math.Min((nowUtc - new DateTime(startedTicks, DateTimeKind.Utc)).TotalSeconds, MaxTimeTakenSeconds)
            : 0;
}
