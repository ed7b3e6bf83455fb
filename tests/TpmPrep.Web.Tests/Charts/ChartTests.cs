using TpmPrep.Web.Charts;

namespace TpmPrep.Web.Tests.Charts;

public sealed class RadarChartDrawsScoresOnAxes
{
    [Fact]
    public void FirstAxisPointsUpAndValuesScaleFromTheCentre()
    {
        Assert.Equal((210, 80), RadarChart.Point(0, 6, 100));
        Assert.Equal((210, 210), RadarChart.Point(3, 6, 0));
        var (x, y) = RadarChart.Point(3, 6, 50);
        Assert.Equal(210, x, 6);
        Assert.Equal(275, y, 6);
    }

    [Fact]
    public void CarriesATextEquivalentAndEscapesLabels()
    {
        var svg = RadarChart.Render("r", "Scores <b>", ["A & B", "C"], [new RadarSeries("You", [50, 75], RadarStyle.SolidFilledCircles), new RadarSeries("Target", [60, 60], RadarStyle.DashedSquares)]);

        Assert.Contains("role=\"img\" aria-labelledby=\"r-title r-desc\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title id=\"r-title\">Scores &lt;b&gt;</title>", svg, StringComparison.Ordinal);
        Assert.Contains("A &amp; B: You 50, Target 60; C: You 75, Target 60", svg, StringComparison.Ordinal);
        Assert.Contains("<circle", svg, StringComparison.Ordinal);
        Assert.Contains("<rect", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
    }
}

public sealed class TrendChartDrawsOneLinePerArea
{
    [Fact]
    public void DrawsALineAndMarkersPerSeriesAndSkipsMissingValues()
    {
        var svg = TrendChart.Render("t", "Trend", ["Jan", "Feb", "Mar"], [new TrendLine("Risk", [10, null, 90]), new TrendLine("Tech", [50, 60, 70])]);

        Assert.Equal(2, CountOf(svg, "<polyline"));
        Assert.Contains("stroke-dasharray=\"6 4\"", svg, StringComparison.Ordinal);
        Assert.Contains("Risk: Jan 10, Feb none, Mar 90; Tech: Jan 50, Feb 60, Mar 70", svg, StringComparison.Ordinal);
        Assert.Equal(2 + 1, CountOf(svg, "<circle")); // Risk: two points with values and its label's marker, as circles.
        Assert.Equal(3 + 1, CountOf(svg, "<rect")); // Tech: three points and its label's marker, as squares.
    }

    [Fact]
    public void LinesEndingAtTheSameValueGetLabelsThatDoNotOverlap()
    {
        var svg = TrendChart.Render("t", "Trend", ["Jan", "Feb"], [new TrendLine("Risk", [10, 50]), new TrendLine("Tech", [90, 50])]);

        var labelYs = System.Text.RegularExpressions.Regex.Matches(svg, "<text class=\"label\" x=\"[0-9.]+\" y=\"([0-9.]+)\">")
            .Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, labelYs.Count);
        Assert.True(Math.Abs(labelYs[0] - labelYs[1]) >= 14, string.Join(", ", labelYs));
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
