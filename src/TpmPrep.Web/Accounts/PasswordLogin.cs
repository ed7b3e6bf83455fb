using Microsoft.AspNetCore.Identity;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Accounts;

public enum LoginOutcome
{
    SignedIn,

    /// <summary>Wrong e-mail, wrong password or a locked account: one answer for all three, so none can be told apart.</summary>
    Refused,

    /// <summary>Too many failures for this e-mail from this address: paused here, whether or not the e-mail has an account.</summary>
    Paused,
}

/// <summary>
/// Log-in by e-mail and password that reveals nothing about which e-mails have accounts: the same answer
/// and about the same work (one password hash check) whether the e-mail is unknown, the password is wrong
/// or the account is locked. Failures pause the e-mail from one address after a few tries
/// (<see cref="LoginThrottle"/>); the account itself locks only after failures from many addresses.
/// </summary>
public sealed class PasswordLogin(UserManager<AppUser> users, SignInManager<AppUser> signIn, LoginThrottle throttle, IPasswordHasher<AppUser> hasher)
{
    /// <summary>A hash to check passwords against when there is no account: the same cost as checking a real one.</summary>
    private static string? s_dummyHash;

    public async Task<LoginOutcome> SignInAsync(string email, string password, bool remember, string clientAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        email = email.Trim();
        if (await throttle.IsPausedAsync(email, clientAddress, cancellationToken))
        {
            return LoginOutcome.Paused;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            CheckAgainstDummy(password);
        }
        else if ((await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: false)).Succeeded)
        {
            await throttle.ResetAsync(email, clientAddress, cancellationToken);
            return LoginOutcome.SignedIn;
        }

        var countsAgainstAccount = await throttle.RecordFailureAsync(email, clientAddress, cancellationToken);
        // Read the account again: a failure that lost a race with another one starts over on a clean change tracker.
        if (user is not null && countsAgainstAccount && await users.FindByIdAsync(user.Id) is { } current)
        {
            await users.AccessFailedAsync(current);
        }

        return LoginOutcome.Refused;
    }

    private void CheckAgainstDummy(string password)
    {
        var dummy = new AppUser();
        var hash = s_dummyHash ??= hasher.HashPassword(dummy, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(dummy, hash, password);
    }
}
