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

public sealed class ActivityHeatmapDrawsAYearOfDays
{
    [Fact]
    public void OneCellPerDayUpToTodayWithItsCountInWords()
    {
        var today = new DateOnly(2026, 12, 2); // a Wednesday
        var first = ActivityHeatmap.FirstDay(today);
        var counts = new Dictionary<DateOnly, int> { [today] = 1, [today.AddDays(-1)] = 7, [first.AddDays(-1)] = 50 };

        var svg = ActivityHeatmap.Render("a", counts, today);

        Assert.Equal(new DateOnly(2025, 12, 1), first);
        var days = today.DayNumber - first.DayNumber + 1;
        Assert.Equal(days + 5, CountOf(svg, "<rect")); // a cell a day and the five shades of the legend
        Assert.Contains("<rect class=\"l1\" x=\"810\" y=\"48\" width=\"12\" height=\"12\" rx=\"2\"><title>1 attempt on Wed 2 Dec 2026</title></rect>", svg, StringComparison.Ordinal);
        Assert.Contains("<title>7 attempts on Tue 1 Dec 2026</title>", svg, StringComparison.Ordinal);
        Assert.Contains("<title>No practice on Mon 1 Dec 2025</title>", svg, StringComparison.Ordinal);
        // The day before the first column is outside the chart and its count is left out of the summary.
        Assert.Contains("<desc id=\"a-desc\">8 attempts on 2 days between 1 December 2025 and 2 December 2026.", svg, StringComparison.Ordinal);
        Assert.Equal(svg, ActivityHeatmap.Content("a", counts, today).ToString());
        Assert.StartsWith("<svg class=\"chart heatmap\"", svg, StringComparison.Ordinal);
        Assert.EndsWith("</svg>", svg, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
