using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a real SQLite file in a fresh temporary data folder, serving a private copy of the
/// shipped content (so a test may edit it).
/// </summary>
public class TpmPrepFactory : WebApplicationFactory<Program>
{
    public TpmPrepFactory()
    {
        Root = Path.Combine(Path.GetTempPath(), "tpmprep-tests-" + Guid.NewGuid().ToString("N"));
        DataPath = Path.Combine(Root, "data");
        ContentPath = Path.Combine(Root, "content");
        CopyFolder(Path.Combine(RepositoryRoot(), "content"), ContentPath);
    }

    public string Root { get; }

    public string DataPath { get; }

    public string ContentPath { get; }

    public string DatabasePath => Path.Combine(DataPath, "tpmprep.db");

    /// <summary>The clock the app reads; tests move it on to make reviews come due.</summary>
    public AdjustableClock Clock { get; } = new();

    /// <summary>Log-in and register posts allowed a minute; high by default so tests that register many users are not throttled.</summary>
    public int LoginPermitsPerMinute { get; init; } = 1000;

    public static string RepositoryRoot([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("TpmPrep:ContentPath", ContentPath);
        builder.UseSetting("TpmPrep:DataPath", DataPath);
        builder.UseSetting("TpmPrep:LoginPermitsPerMinute", LoginPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>();
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a closing connection; the OS cleans temp folders.
            }
        }
    }

    /// <summary>The test server has no client address; a test names one with this header to play several clients.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private sealed class ClientAddressFromHeader : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var address) && System.Net.IPAddress.TryParse(address, out var ip))
                {
                    context.Connection.RemoteIpAddress = ip;
                }

                await nextMiddleware();
            });
            next(app);
        };
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
