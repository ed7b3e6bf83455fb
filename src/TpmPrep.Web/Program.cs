using TpmPrep.Web.Accounts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;
using TpmPrep.Web.Infrastructure;

if (Commands.RunWithoutHost(args) is { } checkResult)
{
    return checkResult;
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
// The content library is read on another core while the host is built (CatalogueProvider takes the result).
builder.Services.AddSingleton(new FirstContentLoad(paths.ContentPath));
builder.Services.AddSingleton(paths);
builder.Services.AddTpmPrepData(builder.Configuration, paths);
builder.Services.AddTpmPrepIdentity();
builder.Services.AddTpmPrepFeatures();
builder.Services.AddTpmPrepPages();
builder.Services.AddTpmPrepContentCaching();
builder.Services.AddTpmPrepRateLimiting(builder.Configuration);
builder.Services.AddTpmPrepForwardedHeaders(builder.Configuration);
builder.Services.AddTpmPrepResponseCompression();

var app = builder.Build();

if (await Commands.RunAsync(app, paths, args) is { } commandResult)
{
    return commandResult;
}

// Start reading the content library and preparing the database (each in the background) while the server starts.
_ = app.Services.GetRequiredService<CatalogueProvider>();
var database = app.Services.GetRequiredService<DatabaseReadiness>();
database.Start(app.Services, app.Lifetime, app.Logger);

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
app.UseSecurityHeaders();
app.UseCompressionAndCaching();
app.UseFingerprintedStaticFiles();
app.UseContentReady();
app.UseDatabaseReady();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache();
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
database.ThrowIfFailed();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
