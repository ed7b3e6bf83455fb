using System.Globalization;
using System.Net;
using System.Text;

namespace TpmPrep.Web.Charts;

/// <summary>The value axis of a trend chart.</summary>
public sealed record TrendScale(double Min, double Max, IReadOnlyList<double> Ticks);

/// <summary>One line of a trend chart: a value (or none) per point in time.</summary>
public sealed record TrendLine(string Name, IReadOnlyList<double?> Values);

/// <summary>A server-rendered SVG line chart of scores over time; lines differ by dash pattern and marker, not only colour.</summary>
public static class TrendChart
{
    private const double Width = 640;
    private const double Height = 260;
    private const double Left = 40;
    private const double Right = 170;
    private const double Top = 16;
    private const double Bottom = 36;

    private static readonly string[] Dashes = ["", "6 4", "2 4", "10 4 2 4", "12 6", "1 3"];
    private static readonly string[] Markers = ["circle", "square", "diamond", "triangle", "cross", "ring"];

    public static string Render(string id, string title, IReadOnlyList<string> xLabels, IReadOnlyList<TrendLine> lines) =>
        Render(id, title, xLabels, lines, new TrendScale(0, 100, [0, 25, 50, 75, 100]));

    public static string Render(string id, string title, IReadOnlyList<string> xLabels, IReadOnlyList<TrendLine> lines, TrendScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(xLabels);
        ArgumentNullException.ThrowIfNull(lines);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart trend\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{Encode(Describe(xLabels, lines))}</desc>");
        double Y(double value) => Top + ((Height - Top - Bottom) * (1 - ((Math.Clamp(value, scale.Min, scale.Max) - scale.Min) / (scale.Max - scale.Min))));

        foreach (var tick in scale.Ticks)
        {
            var y = Y(tick);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\"/><text class=\"tick\" x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{tick:0.#}</text>");
        }

        for (var i = 0; i < xLabels.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{X(i, xLabels.Count):0.#}\" y=\"{Height - 12}\" text-anchor=\"middle\">{Encode(xLabels[i])}</text>");
        }

        // End labels are spread apart so lines that finish at the same value stay readable.
        var labelY = SpreadLabels(lines.Select((line, l) => (l, Last: line.Values.LastOrDefault(v => v is not null))).Where(x => x.Last is not null)
            .ToDictionary(x => x.l, x => Y(x.Last!.Value) + 4));
        for (var l = 0; l < lines.Count; l++)
        {
            var line = lines[l];
            var points = line.Values.Select((v, i) => (v, i)).Where(p => p.v is not null).Select(p => (X: X(p.i, line.Values.Count), Y: Y(p.v!.Value))).ToList();
            var dash = Dashes[l % Dashes.Length];
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"series s{l % 6}\">");
            if (points.Count > 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#},{p.Y:0.#}")))}\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")}/>");
            }

            foreach (var p in points)
            {
                svg.Append(Marker(Markers[l % Markers.Length], p.X, p.Y));
            }

            if (labelY.TryGetValue(l, out var y))
            {
                svg.Append(Marker(Markers[l % Markers.Length], Width - Right + 12, y - 4));
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{Width - Right + 22}\" y=\"{y:0.#}\">{Encode(line.Name)}</text>");
            }

            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Moves label baselines apart to at least 14 units, keeping their order.</summary>
    private static Dictionary<int, double> SpreadLabels(Dictionary<int, double> wanted)
    {
        const double gap = 14;
        var placed = new Dictionary<int, double>();
        var previous = double.NegativeInfinity;
        foreach (var (line, y) in wanted.OrderBy(w => w.Value).ThenBy(w => w.Key))
        {
            var at = Math.Max(y, previous + gap);
            placed[line] = at;
            previous = at;
        }

        return placed;
    }

    private static double X(int index, int count) => count <= 1 ? Left + ((Width - Left - Right) / 2) : Left + ((Width - Left - Right) * index / (count - 1));

    private static string Marker(string shape, double x, double y) => shape switch
    {
        "square" => string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{x - 4:0.#}\" y=\"{y - 4:0.#}\" width=\"8\" height=\"8\"/>"),
        "diamond" => string.Create(CultureInfo.InvariantCulture, $"<polygon points=\"{x:0.#},{y - 5:0.#} {x + 5:0.#},{y:0.#} {x:0.#},{y + 5:0.#} {x - 5:0.#},{y:0.#}\"/>"),
        "triangle" => string.Create(CultureInfo.InvariantCulture, $"<polygon points=\"{x:0.#},{y - 5:0.#} {x + 5:0.#},{y + 4:0.#} {x - 5:0.#},{y + 4:0.#}\"/>"),
        "cross" => string.Create(CultureInfo.InvariantCulture, $"<path d=\"M{x - 4:0.#} {y - 4:0.#}L{x + 4:0.#} {y + 4:0.#}M{x + 4:0.#} {y - 4:0.#}L{x - 4:0.#} {y + 4:0.#}\"/>"),
        "ring" => string.Create(CultureInfo.InvariantCulture, $"<circle class=\"hollow\" cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"4\"/>"),
        _ => string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"4\"/>"),
    };

    private static string Describe(IReadOnlyList<string> xLabels, IReadOnlyList<TrendLine> lines) =>
        string.Join("; ", lines.Select(l => l.Name + ": " + string.Join(", ", l.Values.Select((v, i) => xLabels[i] + " " + (v is null ? "none" : v.Value.ToString("0", CultureInfo.InvariantCulture))))));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
