namespace TpmPrep.Web.Accounts;

/// <summary>The account policy in one place: the forms, Identity's options and the messages read it from here.</summary>
public static class AccountRules
{
    public const int MinimumPasswordLength = 10;

    /// <summary>Failed log-ins that lock an account; each client address counts for at most <see cref="LoginThrottle.FailuresPerAddress"/> of them.</summary>
    public const int FailuresThatLockTheAccount = 50;

    public static readonly TimeSpan AccountLockout = TimeSpan.FromMinutes(15);

    /// <summary>How often a session checks that its password (security stamp) is still current.</summary>
    public static readonly TimeSpan SessionCheckInterval = TimeSpan.FromMinutes(1);
}
