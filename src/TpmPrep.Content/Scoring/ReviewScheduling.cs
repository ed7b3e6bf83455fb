namespace TpmPrep.Content.Scoring;

/// <summary>How well a question went, on the four-button scale of spaced-repetition tools.</summary>
public enum ReviewGrade
{
    Again,
    Hard,
    Good,
    Easy,
}

/// <summary>A question's place in its review cycle.</summary>
public sealed record ReviewState(int Repetitions, double EaseFactor, int IntervalDays)
{
    public static ReviewState New { get; } = new(0, ReviewScheduling.InitialEase, 0);
}

/// <summary>
/// SM-2 (Wozniak, 1990), as given in the SuperMemo algorithm description, driven by the rubric score of
/// a graded attempt. docs/scheduling.md shows the mapping, the formulas and hand-worked examples.
/// </summary>
public static class ReviewScheduling
{
    public const double InitialEase = 2.5;

    public const double MinimumEase = 1.3;

    /// <summary>
    /// Longest interval, in days (docs/scheduling.md, "Caps"): a question seen once a year is as good as
    /// retired for interview preparation, and every due date stays within a year of its review.
    /// </summary>
    public const int MaximumIntervalDays = 365;

    /// <summary>Highest ease factor: 26 Easy reviews in a row reach it, and past it the capped interval no longer moves.</summary>
    public const double MaximumEase = 5.0;

    /// <summary>Maps an attempt's average rubric score (1-4) to a grade.</summary>
    public static ReviewGrade GradeFromRubric(double averageScore) => averageScore switch
    {
        < 1.75 => ReviewGrade.Again,
        < 2.5 => ReviewGrade.Hard,
        < 3.5 => ReviewGrade.Good,
        _ => ReviewGrade.Easy,
    };

    /// <summary>SM-2's response quality q (0-5) for a grade: Again 2 (a lapse), Hard 3, Good 4, Easy 5.</summary>
    public static int Quality(ReviewGrade grade) => grade switch
    {
        ReviewGrade.Again => 2,
        ReviewGrade.Hard => 3,
        ReviewGrade.Good => 4,
        _ => 5,
    };

    /// <summary>
    /// One SM-2 step. With q ≥ 3 the interval goes 1, 6, then round(previous × EF) days; with q &lt; 3 the
    /// repetitions restart at an interval of 1 day. Then EF' = EF + (0.1 − (5 − q)(0.08 + (5 − q) × 0.02)).
    /// The interval is at most <see cref="MaximumIntervalDays"/> and EF stays within 1.3 to <see cref="MaximumEase"/>,
    /// whatever state comes in (an imported one too).
    /// </summary>
    public static ReviewState Next(ReviewState? previous, ReviewGrade grade)
    {
        var state = previous ?? ReviewState.New;
        var currentEase = double.IsFinite(state.EaseFactor) ? Math.Clamp(state.EaseFactor, MinimumEase, MaximumEase) : InitialEase;
        var q = Quality(grade);
        int repetitions;
        double interval;
        if (q >= 3)
        {
            interval = state.Repetitions switch
            {
                <= 0 => 1,
                1 => 6,
                _ => Math.Round(Math.Clamp(state.IntervalDays, 1, MaximumIntervalDays) * currentEase, MidpointRounding.AwayFromZero),
            };
            repetitions = state.Repetitions >= int.MaxValue - 1 ? state.Repetitions : Math.Max(0, state.Repetitions) + 1;
        }
        else
        {
            repetitions = 0;
            interval = 1;
        }

        var ease = currentEase + (0.1 - ((5 - q) * (0.08 + ((5 - q) * 0.02))));
        return new ReviewState(repetitions, Math.Round(Math.Clamp(ease, MinimumEase, MaximumEase), 4), (int)Math.Min(interval, MaximumIntervalDays));
    }
}
