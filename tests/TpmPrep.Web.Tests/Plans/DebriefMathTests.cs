using TpmPrep.Web.Plans;

namespace TpmPrep.Web.Tests.Plans;

public sealed class DebriefMathTests
{
    private static CardFigures Card(int candidate, string who, int? recommendation, params (string Area, int Score)[] areas) =>
        new(0, candidate, 1, who, who, areas.ToDictionary(a => a.Area, a => a.Score), recommendation);

    [Fact]
    public void TheAggregateIsTheMeanOfTheAreaMeansAndDisagreementsAreTwoPointsApart()
    {
        var cards = new[]
        {
            Card(1, "ann", 4, ("risk", 4), ("tech", 3)),
            Card(1, "bob", 2, ("risk", 2), ("tech", 3)),
            Card(1, "cy", 3, ("tech", 2)),
        };

        var means = DebriefMath.AreaMeans(cards);
        Assert.Equal(3.0, means["risk"]);
        Assert.Equal(8 / 3.0, means["tech"], 6);
        // Each area once: (3 + 2.667) / 2, not the mean of the five ratings (2.8).
        Assert.Equal((3 + (8 / 3.0)) / 2, DebriefMath.Aggregate(cards)!.Value, 6);
        Assert.Equal(["risk"], DebriefMath.DisagreeingAreas(cards));
        Assert.True(DebriefMath.RecommendationsDisagree(cards));
        Assert.False(DebriefMath.RecommendationsDisagree([cards[0], cards[2]]));
        Assert.Null(DebriefMath.Aggregate([]));
    }

    [Fact]
    public void CalibrationMeasuresLeniencyAgainstTheOthersOnTheSameCandidateAndSpread()
    {
        var cards = new[]
        {
            // ann is one point kinder than bob on both candidates; cy rates a candidate nobody else rated.
            Card(1, "ann", 4, ("risk", 4)), Card(1, "bob", 3, ("risk", 3)),
            Card(2, "ann", 3, ("risk", 2)), Card(2, "bob", 2, ("risk", 1)),
            Card(3, "cy", 3, ("risk", 3), ("tech", 3)),
        };

        var calibration = DebriefMath.Calibrate(cards).ToDictionary(c => c.InterviewerId);

        Assert.Equal(1.0, calibration["ann"].Leniency);
        Assert.Equal(-1.0, calibration["bob"].Leniency);
        Assert.Equal(2, calibration["ann"].Compared);
        Assert.Equal(1.0, calibration["ann"].Spread); // ratings 4 and 2
        Assert.Null(calibration["cy"].Leniency);
        Assert.Equal(0, calibration["cy"].Compared);
        Assert.Equal(0.0, calibration["cy"].Spread);
        Assert.Equal(3.5, calibration["ann"].MeanRecommendation);
    }

    [Fact]
    public void StoredScoresAreReadBackAndOddTextIsDropped()
    {
        Assert.Equal(new Dictionary<string, int> { ["risk"] = 3, ["tech"] = 1 }, ScorecardScales.ParseAreas("risk=3;tech=1;bad=9;junk;=;x=y"));
        Assert.Equal("risk=3;tech=1", ScorecardScales.FormatAreas(ScorecardScales.ParseAreas("risk=3;tech=1")));
        Assert.Equal([3, 0, 2, 0], ScorecardScales.ParseRatings("3,0,2,x"));
        Assert.Equal("Strong yes", ScorecardScales.RecommendationLabel(4));
        Assert.Equal("none", ScorecardScales.RecommendationLabel(7));
    }
}
