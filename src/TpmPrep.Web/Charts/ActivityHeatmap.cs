using System.Globalization;
using System.Text;
using Humanizer;

namespace TpmPrep.Web.Charts;

/// <summary>A year of daily activity as a grid of weeks (columns, Monday first) by weekdays (rows), server-rendered SVG.</summary>
public static class ActivityHeatmap
{
    private const int Cell = 12;
    private const int Gap = 3;
    private const int Left = 30;
    private const int Top = 18;

    /// <summary>The shade of a day: 0 none, 1 one attempt, 2 two or three, 3 four or five, 4 six or more.</summary>
    public static int Level(int count) => count switch
    {
        <= 0 => 0,
        1 => 1,
        <= 3 => 2,
        <= 5 => 3,
        _ => 4,
    };

    /// <summary>The Monday that starts the first column, so the grid ends with the week of <paramref name="today"/>.</summary>
    public static DateOnly FirstDay(DateOnly today)
    {
        var mondayThisWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return mondayThisWeek.AddDays(-52 * 7);
    }

    public static string Render(string id, IReadOnlyDictionary<DateOnly, int> counts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var first = FirstDay(today);
        var weeks = 53;
        var width = Left + (weeks * (Cell + Gap));
        var height = Top + (7 * (Cell + Gap)) + 24;
        var total = counts.Where(c => c.Key >= first && c.Key <= today).Sum(c => c.Value);
        var activeDays = counts.Count(c => c.Key >= first && c.Key <= today && c.Value > 0);
        // About 150 characters a day: sized once, so a year of cells is not copied over and over as the text grows.
        var svg = new StringBuilder(1024 + (weeks * 7 * 160));
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart heatmap\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">Practice activity over the last year</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{"attempt".ToQuantity(total)} on {"day".ToQuantity(activeDays)} between {first:d MMMM yyyy} and {today:d MMMM yyyy}. The table below lists them by month.</desc>");
        foreach (var (row, name) in new[] { (0, "Mon"), (2, "Wed"), (4, "Fri") })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"0\" y=\"{Top + (row * (Cell + Gap)) + Cell - 2}\">{name}</text>");
        }

        var lastMonth = -1;
        for (var week = 0; week < weeks; week++)
        {
            var monday = first.AddDays(week * 7);
            if (monday.Month != lastMonth && monday.Day <= 7)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Left + (week * (Cell + Gap))}\" y=\"{Top - 6}\">{monday.ToString("MMM", CultureInfo.InvariantCulture)}</text>");
                lastMonth = monday.Month;
            }

            for (var dayIndex = 0; dayIndex < 7; dayIndex++)
            {
                var day = monday.AddDays(dayIndex);
                if (day > today)
                {
                    break;
                }

                var count = counts.GetValueOrDefault(day);
                // The label is digits and words only, so it needs no encoding; each part is written straight into the text.
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"l{Level(count)}\" x=\"{Left + (week * (Cell + Gap))}\" y=\"{Top + (dayIndex * (Cell + Gap))}\" width=\"{Cell}\" height=\"{Cell}\" rx=\"2\"><title>");
                _ = count switch
                {
                    0 => svg.Append("No practice"),
                    1 => svg.Append("1 attempt"),
                    _ => svg.Append(CultureInfo.InvariantCulture, $"{count} attempts"),
                };
                svg.Append(CultureInfo.InvariantCulture, $" on {day:ddd d MMM yyyy}</title></rect>");
            }
        }

        // Legend: the five shades from none to most, with their meaning in words.
        var legendY = Top + (7 * (Cell + Gap)) + 8;
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Left}\" y=\"{legendY + Cell - 2}\">Less</text>");
        for (var level = 0; level <= 4; level++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"l{level}\" x=\"{Left + 30 + (level * (Cell + Gap))}\" y=\"{legendY}\" width=\"{Cell}\" height=\"{Cell}\" rx=\"2\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Left + 34 + (5 * (Cell + Gap))}\" y=\"{legendY + Cell - 2}\">More (0, 1, 2-3, 4-5, 6+ a day)</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
