namespace TpmPrep.Web.Infrastructure;

public static class RateLimits
{
    public const string Login = "login";

    /// <summary>Login and register posts allowed per client address per minute.</summary>
    public const int LoginPermitsPerMinute = 10;
}
