using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Accounts;

/// <summary>Now, and the boundaries of "today", in a user's own time zone.</summary>
public sealed class UserClock(AppDbContext db, TimeProvider clock)
{
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public async Task<TimeZoneInfo> ZoneAsync(string userId, CancellationToken cancellationToken)
    {
        var id = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
        return Find(id);
    }

    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The UTC instant at which local day <paramref name="day"/> begins in <paramref name="zone"/>.</summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A day that starts inside a daylight-saving gap begins at the first valid minute.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
