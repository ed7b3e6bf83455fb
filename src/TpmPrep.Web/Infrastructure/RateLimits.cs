using System.Threading.RateLimiting;

namespace TpmPrep.Web.Infrastructure;

public static class RateLimits
{
    public const string Login = "login";

    /// <summary>Log-in and register posts allowed per client address per minute (setting TpmPrep:LoginPermitsPerMinute).</summary>
    public const int LoginPermitsPerMinute = 10;

    /// <summary>The log-in policy: posts only (showing the form again is free), per client address, as forwarded by a known proxy.</summary>
    public static IServiceCollection AddTpmPrepRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var loginPermits = configuration.GetValue("TpmPrep:LoginPermitsPerMinute", LoginPermitsPerMinute);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Login, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = loginPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        });
    }
}
