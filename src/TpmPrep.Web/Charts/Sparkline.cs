using System.Globalization;
using System.Net;
using System.Text;

namespace TpmPrep.Web.Charts;

/// <summary>A small server-rendered SVG bar trend (a cohort row's weekly attempts): bars, not colour, carry the values.</summary>
public static class Sparkline
{
    private const double Width = 96;
    private const double Height = 24;
    private const double Gap = 2;

    public static string Render(IReadOnlyList<int> values, string label)
    {
        ArgumentNullException.ThrowIfNull(values);
        var svg = new StringBuilder(256);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"sparkline\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        if (values.Count > 0)
        {
            var max = Math.Max(1, values.Max());
            var barWidth = (Width - (Gap * (values.Count - 1))) / values.Count;
            for (var i = 0; i < values.Count; i++)
            {
                // An empty week still shows as a one-pixel line, so "none" reads differently from "missing".
                var h = Math.Max(1, (Height - 1) * values[i] / max);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{i * (barWidth + Gap):0.#}\" y=\"{Height - h:0.#}\" width=\"{barWidth:0.#}\" height=\"{h:0.#}\"/>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
