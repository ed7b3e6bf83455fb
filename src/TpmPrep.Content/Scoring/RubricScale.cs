namespace TpmPrep.Content.Scoring;

/// <summary>
/// A rubric's scale runs from 1 to its number of anchored levels. An attempt's average is also kept on the app's
/// common four-point scale, so that history, charts and review compare answers graded on different rubrics.
/// </summary>
public static class RubricScale
{
    public const int Lowest = 1;

    public const int FewestLevels = 3;

    public const int MostLevels = 5;

    /// <summary>The common scale that lists, charts and the review schedule read.</summary>
    public const int CommonLevels = 4;

    public static bool IsOnScale(int score, int levels) => score >= Lowest && score <= levels;

    /// <summary>A score or average on a scale of <paramref name="levels"/>, placed at the same point of the common 1-4 scale.</summary>
    public static double ToCommon(double score, int levels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 2);
        return levels == CommonLevels ? score : Lowest + ((score - Lowest) * (CommonLevels - Lowest) / (levels - Lowest));
    }
}
