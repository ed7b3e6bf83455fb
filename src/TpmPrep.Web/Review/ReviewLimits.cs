namespace TpmPrep.Web.Review;

/// <summary>The bounds of reviewing: the daily cap and a quick review's outline.</summary>
public static class ReviewLimits
{
    /// <summary>Reviews a day when the candidate has not set a cap.</summary>
    public const int DefaultDailyCap = 20;

    public const int MinDailyCap = 1;

    public const int MaxDailyCap = 200;

    /// <summary>A quick review's outline: a few minutes of notes, not a full answer.</summary>
    public const int MaxOutlineLength = 4000;

    /// <summary>The minutes a quick review suggests.</summary>
    public const int SuggestedMinutes = 4;
}
