using TpmPrep.Content.Scoring;

namespace TpmPrep.Content.Tests.Scoring;

public sealed class AssessmentScoringTests
{
    private static readonly Dictionary<string, int> Tpm = new() { ["comm"] = 50, ["tech"] = 50, ["pm"] = 55, ["risk"] = 50, ["lead"] = 45, ["biz"] = 45 };
    private static readonly Dictionary<string, int> Senior = new() { ["comm"] = 70, ["tech"] = 65, ["pm"] = 72, ["risk"] = 70, ["lead"] = 66, ["biz"] = 62 };
    private static readonly Dictionary<string, int> Principal = new() { ["comm"] = 85, ["tech"] = 78, ["pm"] = 80, ["risk"] = 82, ["lead"] = 88, ["biz"] = 88 };

    [Theory]
    [InlineData(new[] { 1, 1, 1 }, 0)]
    [InlineData(new[] { 5, 5, 5, 5 }, 100)]
    [InlineData(new[] { 3 }, 50)]
    [InlineData(new[] { 2, 4 }, 50)]
    [InlineData(new[] { 5, 4, 4, 4, 4, 4, 4, 4 }, 78.1)]
    [InlineData(new[] { 4, 4, 4, 4, 4, 3, 3, 3 }, 65.6)]
    public void AreaScoreIsTheMeanOfRatingMinusOneOverFour(int[] ratings, double expected)
    {
        Assert.Equal(expected, AssessmentScoring.AreaScore(ratings.Select(r => (int?)r).ToList()));
    }

    [Fact]
    public void NotYetObservedCountsAsOne()
    {
        Assert.Equal(AssessmentScoring.AreaScore([1, 5]), AssessmentScoring.AreaScore([null, 5]));
        Assert.Equal(0, AssessmentScoring.AreaScore([null, null, null]));
        Assert.Equal(50, AssessmentScoring.AreaScore([5, 4, 3, 3, null, 3, 3, 2]));
    }

    [Fact]
    public void AnAreaWithoutIndicatorsScoresZero()
    {
        Assert.Equal(0, AssessmentScoring.AreaScore([]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void RatingsOutsideOneToFiveAreRefused(int rating)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AssessmentScoring.AreaScore([3, rating]));
    }

    [Theory]
    [InlineData(70, 70, GapLabel.Met)]
    [InlineData(100, 70, GapLabel.Met)]
    [InlineData(55, 70, GapLabel.TopUp)]
    [InlineData(69.9, 70, GapLabel.TopUp)]
    [InlineData(54.9, 70, GapLabel.Gap)]
    [InlineData(0, 100, GapLabel.Gap)]
    [InlineData(0, 0, GapLabel.Met)]
    public void LabelsGapsWithTheDocumentedThresholds(double score, int target, GapLabel expected)
    {
        Assert.Equal(expected, AssessmentScoring.Label(score, target));
    }

    [Fact]
    public void WorkedExampleFromDocs()
    {
        var scores = new Dictionary<string, double>
        {
            ["comm"] = AssessmentScoring.AreaScore([5, 5, 4, 4, 4, 4, 3, 3]),
            ["tech"] = AssessmentScoring.AreaScore([4, 4, 4, 3, 3, 3, 3, 4]),
            ["pm"] = AssessmentScoring.AreaScore([5, 4, 4, 4, 4, 4, 4, 4]),
            ["risk"] = AssessmentScoring.AreaScore([4, 4, 4, 4, 3, 3, 3, 3]),
            ["lead"] = AssessmentScoring.AreaScore([4, 4, 4, 4, 4, 3, 3, 3]),
            ["biz"] = AssessmentScoring.AreaScore([5, 4, 3, 3, null, 3, 3, 2]),
        };
        Assert.Equal([75.0, 62.5, 78.1, 62.5, 65.6, 50.0], scores.Values);

        var labels = scores.Select(s => AssessmentScoring.Label(s.Value, Senior[s.Key])).ToList();
        Assert.Equal([GapLabel.Met, GapLabel.TopUp, GapLabel.Met, GapLabel.TopUp, GapLabel.TopUp, GapLabel.TopUp], labels);

        var tpm = AssessmentScoring.ForLevel("tpm", scores, Tpm);
        var senior = AssessmentScoring.ForLevel("senior-tpm", scores, Senior);
        var principal = AssessmentScoring.ForLevel("principal-tpm", scores, Principal);
        Assert.Equal((Readiness.Ready, 100.0, 6, 0), (tpm.Readiness, tpm.Percent, tpm.AreasMet, tpm.AreasWithGap));
        Assert.Equal((Readiness.Close, 94.2, 2, 0), (senior.Readiness, senior.Percent, senior.AreasMet, senior.AreasWithGap));
        Assert.Equal((Readiness.Far, 78.9, 0, 4), (principal.Readiness, principal.Percent, principal.AreasMet, principal.AreasWithGap));

        var risk = AssessmentScoring.Calibrate("risk", scores["risk"], [2.0, 2.33, 1.67]);
        Assert.Equal(33.3, risk.EvidenceScore);
        Assert.Equal(Calibration.RatesHigherThanAnswersShow, risk.Calibration);
    }

    [Fact]
    public void ReadinessOfEmptyAndExtremeProfiles()
    {
        var zero = new Dictionary<string, double> { ["comm"] = 0, ["tech"] = 0, ["pm"] = 0, ["risk"] = 0, ["lead"] = 0, ["biz"] = 0 };
        var full = zero.ToDictionary(p => p.Key, _ => 100.0);

        Assert.Equal((Readiness.Far, 0.0), (AssessmentScoring.ForLevel("p", zero, Principal).Readiness, AssessmentScoring.ForLevel("p", zero, Principal).Percent));
        Assert.Equal((Readiness.Ready, 100.0), (AssessmentScoring.ForLevel("p", full, Principal).Readiness, AssessmentScoring.ForLevel("p", full, Principal).Percent));
        Assert.Equal(Readiness.Far, AssessmentScoring.ForLevel("none", zero, new Dictionary<string, int>()).Readiness);
        // A missing area's score counts as 0.
        Assert.Equal(Readiness.Far, AssessmentScoring.ForLevel("p", new Dictionary<string, double>(), Tpm).Readiness);
    }

    [Fact]
    public void PartialProfileWithOnlySmallGapsIsClose()
    {
        var scores = Tpm.ToDictionary(t => t.Key, t => t.Value - 10.0);

        var readiness = AssessmentScoring.ForLevel("tpm", scores, Tpm);

        Assert.Equal(Readiness.Close, readiness.Readiness);
        Assert.Equal(0, readiness.AreasMet);
    }

    [Theory]
    [InlineData(80, new[] { 4.0, 4.0, 4.0 }, 100, Calibration.Consistent)]
    [InlineData(50, new[] { 4.0, 4.0, 4.0 }, 100, Calibration.RatesLowerThanAnswersShow)]
    [InlineData(90, new[] { 1.0, 1.0, 1.0 }, 0, Calibration.RatesHigherThanAnswersShow)]
    [InlineData(90, new[] { 1.0, 1.0 }, 0, Calibration.NotEnoughEvidence)]
    [InlineData(70, new[] { 2.5, 2.5, 2.5 }, 50, Calibration.Consistent)]
    [InlineData(70.1, new[] { 2.5, 2.5, 2.5 }, 50, Calibration.RatesHigherThanAnswersShow)]
    public void CalibrationFlagsDisagreementsOfMoreThanTwentyPoints(double self, double[] attempts, double evidence, Calibration expected)
    {
        var result = AssessmentScoring.Calibrate("x", self, attempts);

        Assert.Equal(evidence, result.EvidenceScore);
        Assert.Equal(expected, result.Calibration);
        Assert.Equal(attempts.Length, result.Attempts);
    }

    [Fact]
    public void CalibrationWithoutPracticeHasNoEvidence()
    {
        var result = AssessmentScoring.Calibrate("x", 60, []);

        Assert.Null(result.EvidenceScore);
        Assert.Equal(Calibration.NotEnoughEvidence, result.Calibration);
    }
}
