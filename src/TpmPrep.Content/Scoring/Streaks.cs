namespace TpmPrep.Content.Scoring;

/// <summary>Current and longest run of consecutive days with practice, in days of one time zone.</summary>
public sealed record StreakSummary(int Current, int Longest, int ActiveDays);

public static class Streaks
{
    /// <summary>The local calendar day of a UTC instant in a time zone.</summary>
    public static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>
    /// A streak counts consecutive local days with at least one attempt. The current streak is still
    /// alive when the last practice was yesterday: today is not over yet.
    /// </summary>
    public static StreakSummary Compute(IEnumerable<DateTime> practiceUtc, TimeZoneInfo zone, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(practiceUtc);
        ArgumentNullException.ThrowIfNull(zone);
        return Compute(practiceUtc.Select(t => LocalDay(t, zone)), LocalDay(nowUtc, zone));
    }

    /// <summary>The same, from the local days with practice (repeats allowed) and today's local date.</summary>
    public static StreakSummary Compute(IEnumerable<DateOnly> practiceDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(practiceDays);
        // Day numbers, not dates: a day before the first or after the last that DateOnly can hold is still an int.
        var days = practiceDays.Select(d => d.DayNumber).ToHashSet();
        if (days.Count == 0)
        {
            return new StreakSummary(0, 0, 0);
        }

        var longest = 0;
        foreach (var day in days.Where(d => !days.Contains(d - 1)))
        {
            var length = 1;
            while (days.Contains(day + length))
            {
                length++;
            }

            longest = Math.Max(longest, length);
        }

        var cursor = days.Contains(today.DayNumber) ? today.DayNumber : today.DayNumber - 1;
        var current = 0;
        while (days.Contains(cursor))
        {
            current++;
            cursor--;
        }

        return new StreakSummary(current, longest, days.Count);
    }
}
