using System.Globalization;
using System.Net;
using System.Text;

namespace TpmPrep.Web.Charts;

/// <summary>One series on a radar chart: a value 0-100 per axis, in axis order.</summary>
public sealed record RadarSeries(string Name, IReadOnlyList<double> Values, RadarStyle Style);

/// <summary>How a series is drawn: told apart by line pattern and marker shape, not only by colour.</summary>
public enum RadarStyle
{
    SolidFilledCircles,
    DashedSquares,
}

/// <summary>A server-rendered SVG radar ("spider") chart for scores of 0-100.</summary>
public static class RadarChart
{
    private const double Size = 420;
    private const double Centre = Size / 2;
    private const double Radius = 130;

    public static string Render(string id, string title, IReadOnlyList<string> axes, IReadOnlyList<RadarSeries> series)
    {
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentNullException.ThrowIfNull(series);
        var svg = new StringBuilder();
        var titleId = id + "-title";
        var descId = id + "-desc";
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart radar\" viewBox=\"-100 0 {Size + 200} {Size + 40}\" role=\"img\" aria-labelledby=\"{titleId} {descId}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{titleId}\">{Encode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{descId}\">{Encode(Describe(axes, series))}</desc>");

        foreach (var ring in new[] { 25, 50, 75, 100 })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"grid\" points=\"{Points(Enumerable.Repeat((double)ring, axes.Count).ToList())}\"/>");
            var (_, y) = Point(0, axes.Count, ring);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Centre + 4:0.#}\" y=\"{y + 12:0.#}\">{ring}</text>");
        }

        for (var k = 0; k < axes.Count; k++)
        {
            var (x, y) = Point(k, axes.Count, 100);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Centre}\" y1=\"{Centre}\" x2=\"{x:0.#}\" y2=\"{y:0.#}\"/>");
            var (lx, ly) = Point(k, axes.Count, 118);
            var anchor = Math.Abs(lx - Centre) < 5 ? "middle" : lx > Centre ? "start" : "end";
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{lx:0.#}\" y=\"{ly + 4:0.#}\" text-anchor=\"{anchor}\">{Encode(axes[k])}</text>");
        }

        foreach (var s in series)
        {
            var css = s.Style == RadarStyle.SolidFilledCircles ? "series self" : "series target";
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"{css}\"><polygon points=\"{Points(s.Values)}\"/>");
            for (var k = 0; k < s.Values.Count; k++)
            {
                var (x, y) = Point(k, axes.Count, s.Values[k]);
                svg.Append(s.Style == RadarStyle.SolidFilledCircles
                    ? string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"4\"/>")
                    : string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{x - 4:0.#}\" y=\"{y - 4:0.#}\" width=\"8\" height=\"8\"/>"));
            }

            svg.Append("</g>");
        }

        // Legend: line pattern and marker shape, so the chart reads in greyscale too.
        var legendY = Size + 18;
        var legendX = 40.0;
        foreach (var s in series)
        {
            var css = s.Style == RadarStyle.SolidFilledCircles ? "series self" : "series target";
            var marker = s.Style == RadarStyle.SolidFilledCircles
                ? string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{legendX + 15:0.#}\" cy=\"{legendY:0.#}\" r=\"4\"/>")
                : string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{legendX + 11:0.#}\" y=\"{legendY - 4:0.#}\" width=\"8\" height=\"8\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"{css} legend\"><line x1=\"{legendX:0.#}\" y1=\"{legendY:0.#}\" x2=\"{legendX + 30:0.#}\" y2=\"{legendY:0.#}\"/>{marker}</g>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{legendX + 38:0.#}\" y=\"{legendY + 4:0.#}\">{Encode(s.Name)}</text>");
            legendX += 190;
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The point of axis <paramref name="k"/> of <paramref name="n"/> at <paramref name="value"/> (0-100); axis 0 points up.</summary>
    public static (double X, double Y) Point(int k, int n, double value)
    {
        var angle = (-90 + (360.0 * k / Math.Max(1, n))) * Math.PI / 180;
        var r = Radius * Math.Clamp(value, 0, 120) / 100;
        return (Centre + (r * Math.Cos(angle)), Centre + (r * Math.Sin(angle)));
    }

    private static string Points(IReadOnlyList<double> values) =>
        string.Join(' ', values.Select((v, k) => Point(k, values.Count, v)).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#},{p.Y:0.#}")));

    private static string Describe(IReadOnlyList<string> axes, IReadOnlyList<RadarSeries> series) =>
        string.Join("; ", axes.Select((axis, k) => axis + ": " + string.Join(", ", series.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Values[k]:0}")))));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
