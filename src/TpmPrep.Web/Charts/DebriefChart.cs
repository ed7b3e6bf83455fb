using System.Globalization;
using System.Net;
using System.Text;

namespace TpmPrep.Web.Charts;

/// <summary>One row of the debrief chart: a skill area, every interviewer's rating of it, and their mean.</summary>
public sealed record DebriefRow(string Label, IReadOnlyList<(string Who, int Score)> Ratings, double? Mean, bool Disagreement);

/// <summary>
/// The debrief as a picture: one line per focus area on the 1-4 scale, a circle per interviewer's rating (stacked where
/// two agree), a diamond at the mean, and the line drawn dashed and labelled where the panel disagrees by two points.
/// </summary>
public static class DebriefChart
{
    private const int Left = 170;
    private const int Width = 560;
    private const int RowHeight = 40;

    public static string Render(string id, string title, IReadOnlyList<DebriefRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var height = 40 + (rows.Count * RowHeight);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart debrief\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{WebUtility.HtmlEncode(Describe(rows))}</desc>");
        for (var score = 1; score <= 4; score++)
        {
            var x = X(score);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{x:0.#}\" y1=\"20\" x2=\"{x:0.#}\" y2=\"{height - 14}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{x:0.#}\" y=\"14\" text-anchor=\"middle\">{score}</text>");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var y = 40 + (r * RowHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{Left - 10}\" y=\"{y + 4}\" text-anchor=\"end\">{WebUtility.HtmlEncode(row.Label)}{(row.Disagreement ? " ≠" : "")}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis{(row.Disagreement ? " disagree" : "")}\" x1=\"{X(1):0.#}\" y1=\"{y}\" x2=\"{X(4):0.#}\" y2=\"{y}\"/>");
            foreach (var group in row.Ratings.GroupBy(p => p.Score))
            {
                var k = 0;
                foreach (var (who, score) in group)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"rating\" cx=\"{X(score):0.#}\" cy=\"{y - (k * 9):0.#}\" r=\"5\"><title>{WebUtility.HtmlEncode(who)}: {score}</title></circle>");
                    k++;
                }
            }

            if (row.Mean is { } mean)
            {
                var x = X(mean);
                svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"mean\" points=\"{x:0.#},{y + 5} {x + 6:0.#},{y + 11} {x:0.#},{y + 17} {x - 6:0.#},{y + 11}\"><title>mean {mean:0.0}</title></polygon>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    public static string Describe(IReadOnlyList<DebriefRow> rows) =>
        string.Join("; ", rows.Select(r => $"{r.Label}: {(r.Ratings.Count == 0 ? "no ratings" : string.Join(", ", r.Ratings.Select(p => $"{p.Who} {p.Score}")))}"
            + (r.Mean is { } m ? $", mean {m.ToString("0.0", CultureInfo.InvariantCulture)}" : "") + (r.Disagreement ? ", the panel disagrees by 2 points or more" : "")));

    private static double X(double score) => Left + 20 + ((score - 1) / 3 * (Width - Left - 50));
}
