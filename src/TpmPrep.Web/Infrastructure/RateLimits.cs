namespace TpmPrep.Web.Infrastructure;

public static class RateLimits
{
    public const string Login = "login";

    /// <summary>Log-in and register posts allowed per client address per minute (setting TpmPrep:LoginPermitsPerMinute).</summary>
    public const int LoginPermitsPerMinute = 10;
}
