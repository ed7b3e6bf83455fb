
namespace TpmPrep.Web.Attempts;

public static class AnswerLimits
{
    /// <summary>Longest answer accepted, in characters (about 3,000 words: far more than a 45-minute answer).</summary>
    public const int MaxLength = 20_000;

    /// <summary>Time taken is reported by the browser's timer; anything beyond a day is clamped.</summary>
    public const int MaxTimeTakenSeconds = 24 * 60 * 60;

    public const int MaxNotesLength = 4_000;
}
