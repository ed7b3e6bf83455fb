using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Accounts;

/// <summary>
/// Reset links an administrator hands to someone who cannot log in (there is no mail server): each works
/// once, for <see cref="Lifetime"/>, and only a hash of it is stored.
/// </summary>
public sealed class PasswordResets(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>A new link's token and when it expires; null when no account has the e-mail.</summary>
    public async Task<(string Token, DateTime ExpiresUtc)?> CreateAsync(string email, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return null;
        }

        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var reset = new PasswordResetToken { UserId = user.Id, TokenHash = Hash(token), CreatedUtc = now, ExpiresUtc = now + Lifetime };
        db.PasswordResetTokens.Add(reset);
        await db.SaveChangesAsync(cancellationToken);
        return (token, reset.ExpiresUtc);
    }

    /// <summary>The e-mail of the account the token resets, while it is unused and unexpired.</summary>
    public async Task<string?> FindEmailAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.PasswordResetTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.UsedUtc == null && t.ExpiresUtc > now)
            .Join(db.Users, t => t.UserId, u => u.Id, (_, u) => u.Email)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Sets the new password and uses the token up; every session of the account ends and its lockout is
    /// lifted. Null on success, else why not (the password rules, or a link that no longer works).
    /// </summary>
    public async Task<IReadOnlyList<string>?> ResetAsync(string token, string newPassword, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var reset = await db.PasswordResetTokens.SingleOrDefaultAsync(t => t.TokenHash == hash && t.UsedUtc == null && t.ExpiresUtc > now, cancellationToken);
        if (reset is null || await users.FindByIdAsync(reset.UserId) is not { } user)
        {
            return [ExpiredMessage];
        }

        // Claim the link first: of two uses at once, only one gets past this.
        reset.UsedUtc = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return [ExpiredMessage];
        }

        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), newPassword);
        if (!result.Succeeded)
        {
            // A password the rules refuse does not use the link up.
            reset.UsedUtc = null;
            await db.SaveChangesAsync(cancellationToken);
            return result.Errors.Select(e => e.Description).ToList();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return null;
    }

    public const string ExpiredMessage = "This reset link has expired or has been used already: ask an administrator for a new one.";

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
