using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Loading;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Assessments;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Practice;

if (args.Length > 0 && args[0] == "check-content")
{
    return ContentCheck.Run(args[1..], Console.Out, Console.Error);
}

// The app's own folder holds its settings (and, once published, wwwroot), wherever it is started from;
// relative content and data paths still mean the folder it was started in.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
// During development wwwroot stays in the project; its manifest in the build output maps it in every environment.
builder.WebHost.UseStaticWebAssets();
if (builder.Configuration["urls"] is null && builder.Configuration["http_ports"] is null && builder.Configuration["https_ports"] is null)
{
    // A fixed, documented address for "dotnet run"; --urls or ASPNETCORE_URLS choose another.
    builder.WebHost.UseUrls(DefaultAddress.Url);
}

// Say nothing about the server software.
builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);

var paths = TpmPrepPaths.FromConfiguration(builder.Configuration);
Directory.CreateDirectory(paths.DataPath);

builder.Services.AddSingleton(paths);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<CatalogueProvider>();
builder.Services.AddTpmPrepData(builder.Configuration, paths);
builder.Services.AddScoped<AttemptService>();
builder.Services.AddScoped<UserClock>();
builder.Services.AddScoped<ReviewService>();
builder.Services.AddScoped<DraftService>();
builder.Services.AddScoped<SessionService>();
builder.Services.AddScoped<ProgressService>();
builder.Services.AddScoped<TpmPrep.Web.Portability.DataPortability>();
builder.Services.AddScoped<TpmPrep.Web.Portability.ImportJobs>();
builder.Services.AddSingleton<TpmPrep.Web.Portability.ImportSignal>();
builder.Services.AddSingleton<TpmPrep.Web.Portability.ImportWriter>();
builder.Services.AddHostedService<TpmPrep.Web.Portability.ImportWorker>();
builder.Services.AddScoped<DemoData>();
builder.Services.AddScoped<UserAdministration>();
builder.Services.AddScoped<AssessmentService>();

builder.Services
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
builder.Services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, clock) =>
{
    options.ValidationInterval = AccountRules.SessionCheckInterval;
    options.TimeProvider = clock;
});
builder.Services.AddScoped<LoginThrottle>();
builder.Services.AddScoped<PasswordLogin>();
builder.Services.AddScoped<PasswordResets>();
builder.Services.ConfigureApplicationCookie(options =>
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

var loginPermits = builder.Configuration.GetValue("TpmPrep:LoginPermitsPerMinute", RateLimits.LoginPermitsPerMinute);
builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    // Only posts count: showing the form again is free.
    options.AddPolicy(RateLimits.Login, context => HttpMethods.IsPost(context.Request.Method)
        ? RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = loginPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
        : RateLimitPartition.GetNoLimiter("read"));
});

builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/Attempts");
    options.Conventions.AuthorizeFolder("/Assessment");
    options.Conventions.AuthorizeFolder("/Practice");
    options.Conventions.AuthorizeFolder("/Review");
    options.Conventions.AuthorizeFolder("/Progress");
    options.Conventions.AuthorizePage("/Account/Data");
    options.Conventions.AuthorizePage("/Account/Import");
    options.Conventions.AuthorizePage("/Account/Profile");
    options.Conventions.AuthorizePage("/Account/Delete");
    options.Conventions.AuthorizePage("/Account/Password");
    options.Conventions.AuthorizePage("/Markdown/Preview");
    options.Conventions.AuthorizeFolder("/Admin", AppRoles.Admin);
});
builder.Services.AddAuthorizationBuilder().AddPolicy(AppRoles.Admin, policy => policy.RequireRole(AppRoles.Admin));
// Behind a reverse proxy: trust X-Forwarded-For and -Proto from the proxies named here (loopback by default),
// so the rate limiter and log-in pauses see the client's address and cookies are Secure when the client used HTTPS.
builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    foreach (var proxy in builder.Configuration.GetSection("TpmPrep:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
    {
        options.KnownProxies.Add(System.Net.IPAddress.TryParse(proxy, out var address)
            ? address
            : throw new InvalidOperationException($"TpmPrep:ForwardedHeaders:KnownProxies holds '{proxy}', which is not an IP address."));
    }

    foreach (var network in builder.Configuration.GetSection("TpmPrep:ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
    {
        options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
            ? range
            : throw new InvalidOperationException($"TpmPrep:ForwardedHeaders:KnownNetworks holds '{network}', which is not a network such as 10.0.0.0/24."));
    }
});
builder.Services.AddHealthChecks().AddCheck<TpmPrepHealthCheck>("tpmprep");
builder.Services.AddRouting(options => options.LowercaseUrls = true);

var app = builder.Build();

if (args.Length > 0 && args[0] == "make-admin")
{
    return await AdminCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "copy-to-postgresql")
{
    return await CopyToPostgresCommand.RunAsync(app.Services, paths, args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "reset-link")
{
    return await ResetLinkCommand.RunAsync(app.Services, app.Configuration, args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "seed-demo")
{
    return await SeedDemoCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error);
}

await app.Services.PrepareDatabaseAsync();
_ = app.Services.GetRequiredService<CatalogueProvider>();

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
app.Use(async (context, next) =>
{
    // Pages answer GET, HEAD and POST only; TRACE, PUT, DELETE and the rest are refused before anything runs.
    var method = context.Request.Method;
    if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsPost(method))
    {
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = "GET, HEAD, POST";
        return;
    }

    var headers = context.Response.Headers;
    headers.XContentTypeOptions = "nosniff";
    headers.XFrameOptions = "DENY";
    headers["Referrer-Policy"] = "same-origin";
    headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
    await next();
});
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = TpmPrepHealthCheck.WriteAsync });
app.MapRazorPages();

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
    {
        Console.WriteLine($"TpmPrep is running at {address}");
    }
});

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
