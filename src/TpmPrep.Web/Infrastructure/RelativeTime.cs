using Humanizer;

namespace TpmPrep.Web.Infrastructure;

public static class RelativeTime
{
    /// <summary>"3 days ago", "yesterday", "2 hours from now": measured against the app's clock, not the machine's.</summary>
    public static string Ago(this DateTime utc, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateTime.SpecifyKind(utc, DateTimeKind.Utc).Humanize(utcDate: true, dateToCompareAgainst: clock.GetUtcNow().UtcDateTime, culture: System.Globalization.CultureInfo.InvariantCulture);
    }
}
