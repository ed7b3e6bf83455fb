namespace TpmPrep.Content.Scoring;

/// <summary>How far an area's score is from the target level's profile.</summary>
public enum GapLabel
{
    Met,
    TopUp,
    Gap,
}

/// <summary>Overall readiness for a level: every area met, only small gaps, or at least one large gap.</summary>
public enum Readiness
{
    Ready,
    Close,
    Far,
}

/// <summary>Whether the self-rating of an area agrees with the grades of the person's practice answers.</summary>
public enum Calibration
{
    NotEnoughEvidence,
    Consistent,
    RatesHigherThanAnswersShow,
    RatesLowerThanAnswersShow,
}

/// <summary>One area's result against one level's target.</summary>
public sealed record AreaResult(string SkillId, double Score, int Target, double Gap, GapLabel Label, int Rated, int NotObserved);

/// <summary>Readiness for one level, with the percentage of the target profile reached.</summary>
public sealed record LevelReadiness(string LevelId, double Percent, Readiness Readiness, int AreasMet, int AreasWithGap);

/// <summary>Evidence for one area from graded practice attempts, compared with the self-rating.</summary>
public sealed record AreaCalibration(string SkillId, double SelfScore, double? EvidenceScore, int Attempts, Calibration Calibration);

/// <summary>
/// The self-assessment formulas, documented with a worked example in docs/scoring.md.
/// Ratings are 1-5; null means "not yet observed". Scores are 0-100.
/// </summary>
public static class AssessmentScoring
{
    /// <summary>A gap of up to this many points below the target is a top-up; more is a gap.</summary>
    public const double TopUpThreshold = 15;

    /// <summary>Self-rating and evidence further apart than this are flagged.</summary>
    public const double CalibrationThreshold = 20;

    /// <summary>Graded attempts an area needs before its evidence is compared with the self-rating.</summary>
    public const int MinimumEvidenceAttempts = 3;

    /// <summary>
    /// Area score: the mean of (rating - 1) / 4 over every indicator of the area, times 100.
    /// "Not yet observed" counts as rating 1: no evidence yet, so no credit. An area with no indicators scores 0.
    /// </summary>
    public static double AreaScore(IReadOnlyCollection<int?> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        if (ratings.Count == 0)
        {
            return 0;
        }

        foreach (var rating in ratings)
        {
            if (rating is < 1 or > 5)
            {
                throw new ArgumentOutOfRangeException(nameof(ratings), rating, "Ratings are 1 to 5, or null for not yet observed.");
            }
        }

        return Math.Round(ratings.Average(r => ((r ?? 1) - 1) / 4.0) * 100, 1);
    }

    public static GapLabel Label(double score, int target)
    {
        var gap = target - score;
        return gap <= 0 ? GapLabel.Met : gap <= TopUpThreshold ? GapLabel.TopUp : GapLabel.Gap;
    }

    public static AreaResult Area(string skillId, IReadOnlyCollection<int?> ratings, int target)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var score = AreaScore(ratings);
        return new AreaResult(skillId, score, target, Math.Round(Math.Max(0, target - score), 1), Label(score, target), ratings.Count(r => r is not null), ratings.Count(r => r is null));
    }

    /// <summary>
    /// Readiness percent: the mean over areas of min(1, score / target), times 100 (a target of 0 counts as met).
    /// Ready when every area is met, Close when no area has a large gap, Far otherwise.
    /// </summary>
    public static LevelReadiness ForLevel(string levelId, IReadOnlyDictionary<string, double> scores, IReadOnlyDictionary<string, int> targets)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            return new LevelReadiness(levelId, 0, Readiness.Far, 0, 0);
        }

        var labels = targets.Select(t => Label(scores.GetValueOrDefault(t.Key), t.Value)).ToList();
        var percent = targets.Average(t => t.Value <= 0 ? 1 : Math.Min(1, scores.GetValueOrDefault(t.Key) / t.Value)) * 100;
        var met = labels.Count(l => l == GapLabel.Met);
        var gaps = labels.Count(l => l == GapLabel.Gap);
        var readiness = met == labels.Count ? Readiness.Ready : gaps == 0 ? Readiness.Close : Readiness.Far;
        return new LevelReadiness(levelId, Math.Round(percent, 1), readiness, met, gaps);
    }

    /// <summary>
    /// Evidence score of an area: the mean of (average rubric score - 1) / 3 over the graded attempts that
    /// exercise it, times 100 (rubric scores are 1-4). Flagged when it differs from the self score by more
    /// than <see cref="CalibrationThreshold"/> points and rests on at least <see cref="MinimumEvidenceAttempts"/> attempts.
    /// </summary>
    public static AreaCalibration Calibrate(string skillId, double selfScore, IReadOnlyCollection<double> attemptAverages)
    {
        ArgumentNullException.ThrowIfNull(attemptAverages);
        if (attemptAverages.Count == 0)
        {
            return new AreaCalibration(skillId, selfScore, null, 0, Calibration.NotEnoughEvidence);
        }

        var evidence = Math.Round(attemptAverages.Average(a => (Math.Clamp(a, 1, 4) - 1) / 3.0) * 100, 1);
        var calibration = attemptAverages.Count < MinimumEvidenceAttempts
            ? Calibration.NotEnoughEvidence
            : selfScore - evidence > CalibrationThreshold
                ? Calibration.RatesHigherThanAnswersShow
                : evidence - selfScore > CalibrationThreshold
                    ? Calibration.RatesLowerThanAnswersShow
                    : Calibration.Consistent;
        return new AreaCalibration(skillId, selfScore, evidence, attemptAverages.Count, calibration);
    }
}
