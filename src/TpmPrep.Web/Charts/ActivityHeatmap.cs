using System.Globalization;
using System.Runtime.CompilerServices;
using Humanizer;
using Microsoft.AspNetCore.Html;

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

    /// <summary>The chart as a string, for tests and for callers that need the text.</summary>
    public static string Render(string id, IReadOnlyDictionary<DateOnly, int> counts, DateOnly today)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(text, id, counts, today);
        return text.ToString();
    }

    /// <summary>
    /// The chart as HTML content that writes itself into the page: a year of cells is about 45,000 characters, which
    /// as one string would be two large-object allocations a request (the text and its builder); written piece by
    /// piece into the page's own pooled buffer it costs none.
    /// </summary>
    public static IHtmlContent Content(string id, IReadOnlyDictionary<DateOnly, int> counts, DateOnly today) =>
        new WrittenHtml(writer => Write(writer, id, counts, today));

    public static void Write(TextWriter writer, string id, IReadOnlyDictionary<DateOnly, int> counts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(counts);
        var invariant = CultureInfo.InvariantCulture;
        var first = FirstDay(today);
        var weeks = 53;
        var width = Left + (weeks * (Cell + Gap));
        var height = Top + (7 * (Cell + Gap)) + 24;
        var total = 0;
        var activeDays = 0;
        foreach (var (day, count) in counts)
        {
            if (day >= first && day <= today)
            {
                total += count;
                activeDays += count > 0 ? 1 : 0;
            }
        }

        Put(writer, invariant, $"<svg class=\"chart heatmap\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        Put(writer, invariant, $"<title id=\"{id}-title\">Practice activity over the last year</title>");
        Put(writer, invariant, $"<desc id=\"{id}-desc\">{"attempt".ToQuantity(total)} on {"day".ToQuantity(activeDays)} between {first:d MMMM yyyy} and {today:d MMMM yyyy}. The table below lists them by month.</desc>");
        foreach (var (row, name) in DayTicks)
        {
            Put(writer, invariant, $"<text class=\"tick\" x=\"0\" y=\"{Top + (row * (Cell + Gap)) + Cell - 2}\">{name}</text>");
        }

        var lastMonth = -1;
        for (var week = 0; week < weeks; week++)
        {
            var monday = first.AddDays(week * 7);
            if (monday.Month != lastMonth && monday.Day <= 7)
            {
                Put(writer, invariant, $"<text class=\"tick\" x=\"{Left + (week * (Cell + Gap))}\" y=\"{Top - 6}\">{monday:MMM}</text>");
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
                // The label is digits and words only, so it needs no encoding.
                Put(writer, invariant, $"<rect class=\"l{Level(count)}\" x=\"{Left + (week * (Cell + Gap))}\" y=\"{Top + (dayIndex * (Cell + Gap))}\" width=\"{Cell}\" height=\"{Cell}\" rx=\"2\"><title>");
                switch (count)
                {
                    case 0:
                        writer.Write("No practice");
                        break;
                    case 1:
                        writer.Write("1 attempt");
                        break;
                    default:
                        Put(writer, invariant, $"{count} attempts");
                        break;
                }

                Put(writer, invariant, $" on {day:ddd d MMM yyyy}</title></rect>");
            }
        }

        // Legend: the five shades from none to most, with their meaning in words.
        var legendY = Top + (7 * (Cell + Gap)) + 8;
        Put(writer, invariant, $"<text class=\"tick\" x=\"{Left}\" y=\"{legendY + Cell - 2}\">Less</text>");
        for (var level = 0; level <= 4; level++)
        {
            Put(writer, invariant, $"<rect class=\"l{level}\" x=\"{Left + 30 + (level * (Cell + Gap))}\" y=\"{legendY}\" width=\"{Cell}\" height=\"{Cell}\" rx=\"2\"/>");
        }

        Put(writer, invariant, $"<text class=\"tick\" x=\"{Left + 34 + (5 * (Cell + Gap))}\" y=\"{legendY + Cell - 2}\">More (0, 1, 2-3, 4-5, 6+ a day)</text>");
        writer.Write("</svg>");
    }

    private static readonly (int Row, string Name)[] DayTicks = [(0, "Mon"), (2, "Wed"), (4, "Fri")];

    /// <summary>Formats into a pooled buffer and writes that, so no string is made for the piece.</summary>
    private static void Put(TextWriter writer, IFormatProvider provider, [InterpolatedStringHandlerArgument(nameof(provider))] ref DefaultInterpolatedStringHandler text)
    {
        writer.Write(text.Text);
        text.Clear();
    }
}
