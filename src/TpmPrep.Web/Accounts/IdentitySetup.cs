using Microsoft.AspNetCore.Identity;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Accounts;

public static class IdentitySetup
{
    /// <summary>Accounts, passwords, lockout, the session cookie and the log-in services.</summary>
    public static IServiceCollection AddTpmPrepIdentity(this IServiceCollection services)
    {
        services
            .AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = AccountRules.MinimumPasswordLength;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                // Failures count against the account only a few per client address (PasswordLogin), so it takes many addresses to lock it.
                options.Lockout.MaxFailedAccessAttempts = AccountRules.FailuresThatLockTheAccount;
                options.Lockout.DefaultLockoutTimeSpan = AccountRules.AccountLockout;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>();
        // A changed password (a new security stamp) ends the account's other sessions within this interval.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, clock) =>
        {
            options.ValidationInterval = AccountRules.SessionCheckInterval;
            options.TimeProvider = clock;
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "tpmprep.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
        });
        services.AddScoped<LoginThrottle>();
        services.AddScoped<PasswordLogin>();
        services.AddScoped<PasswordResets>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<UserClock>();
        return services;
    }
}
