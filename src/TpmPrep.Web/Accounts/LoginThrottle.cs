using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Accounts;

/// <summary>
/// Counts failed log-ins per e-mail and client address. After <see cref="FailuresPerAddress"/> failures
/// within <see cref="Window"/>, that e-mail is paused from that address only, so a stranger who knows
/// someone's e-mail locks out themselves, not its owner. Unknown e-mails are counted exactly like real
/// ones, so the pause says nothing about which e-mails have accounts.
/// </summary>
public sealed class LoginThrottle(AppDbContext db, TimeProvider clock)
{
    public const int FailuresPerAddress = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public async Task<bool> IsPausedAsync(string email, string address, CancellationToken cancellationToken)
    {
        var key = Key(email, address);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.LoginFailures.AsNoTracking().AnyAsync(f => f.Key == key && f.LockedUntilUtc > now, cancellationToken);
    }

    /// <summary>Counts a failure; true while it is among the first <see cref="FailuresPerAddress"/> from this address, which alone count against the account.</summary>
    public async Task<bool> RecordFailureAsync(string email, string address, CancellationToken cancellationToken)
    {
        var key = Key(email, address);
        var now = clock.GetUtcNow().UtcDateTime;
        var counts = await db.RetryOnLostRaceAsync(async () =>
        {
            var failure = await db.LoginFailures.SingleOrDefaultAsync(f => f.Key == key, cancellationToken);
            if (failure is null)
            {
                failure = new LoginFailure { Key = key, FirstFailureUtc = now };
                db.LoginFailures.Add(failure);
            }
            else if (failure.FirstFailureUtc <= now - Window && (failure.LockedUntilUtc is null || failure.LockedUntilUtc <= now))
            {
                // The last window is over: start a new one.
                failure.Failures = 0;
                failure.FirstFailureUtc = now;
                failure.LockedUntilUtc = null;
            }

            failure.Failures++;
            if (failure.Failures >= FailuresPerAddress)
            {
                failure.LockedUntilUtc = now + Window;
            }

            await db.SaveChangesAsync(cancellationToken);
            return failure.Failures <= FailuresPerAddress;
        });
        await SweepAsync(now, cancellationToken);
        return counts;
    }

    public async Task ResetAsync(string email, string address, CancellationToken cancellationToken)
    {
        var key = Key(email, address);
        if (await db.LoginFailures.SingleOrDefaultAsync(f => f.Key == key, cancellationToken) is { } failure)
        {
            db.LoginFailures.Remove(failure);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Rows whose window and pause ended a day ago say nothing any more.</summary>
    private async Task SweepAsync(DateTime now, CancellationToken cancellationToken)
    {
        var before = now - TimeSpan.FromDays(1);
        var old = await db.LoginFailures.Where(f => f.FirstFailureUtc < before && (f.LockedUntilUtc == null || f.LockedUntilUtc < before)).Take(100).ToListAsync(cancellationToken);
        if (old.Count > 0)
        {
            db.LoginFailures.RemoveRange(old);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static string Key(string email, string address) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant() + "\n" + address)));
}
