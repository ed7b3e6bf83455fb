using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a real database of its own (a SQLite file in a fresh temporary data folder, or a fresh
/// PostgreSQL database: <see cref="TestDatabase"/>), serving a private copy of the shipped content (so a test
/// may edit it).
/// </summary>
public class TpmPrepFactory : WebApplicationFactory<Program>
{
    public TpmPrepFactory()
        : this(TestDatabase.SelectedProvider)
    {
    }

    /// <param name="provider">A database for tests that are about one provider (SQLite's WAL mode, say).</param>
    /// <param name="shared">Another app's database, to play a second instance on it.</param>
    protected TpmPrepFactory(TpmPrep.Web.Data.DatabaseProvider provider, TestDatabase? shared = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "tpmprep-tests-" + Guid.NewGuid().ToString("N"));
        DataPath = Path.Combine(Root, "data");
        ContentPath = Path.Combine(Root, "content");
        CopyFolder(Path.Combine(RepositoryRoot(), "content"), ContentPath);
        Database = shared ?? TestDatabase.Create(provider, DataPath);
        _ownsDatabase = shared is null;
    }

    private readonly bool _ownsDatabase;

    public string Root { get; }

    public string DataPath { get; }

    public string ContentPath { get; }

    public TestDatabase Database { get; }

    /// <summary>The SQLite file, for the tests about SQLite itself.</summary>
    public string DatabasePath => Path.Combine(DataPath, "tpmprep.db");

    public static TpmPrepFactory OnSqlite() => new SqliteFactory();

    /// <summary>
    /// The clock the app reads. It starts at the real time the factory is made (a browser compares cookie
    /// expiry with its own clock, and pages say "now"), moves on only when a test advances it (to make
    /// reviews come due, say), except for a millisecond each time it is read, so that records made one after
    /// the other have distinct times in the order they were made, as they would with a real clock.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    /// <summary>Log-in and register posts allowed a minute; high by default so tests that register many users are not throttled.</summary>
    public int LoginPermitsPerMinute { get; init; } = 1000;

    public static string RepositoryRoot([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));

    /// <summary>Whether the host is handed over only once the content library is read (the app itself listens before).</summary>
    public bool WaitForContent { get; init; } = true;

    /// <summary>Whether the host is handed over only once the database is prepared (the app itself listens before).</summary>
    public bool WaitForDatabase { get; init; } = true;

    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (WaitForDatabase)
        {
            // A test may write to the database itself before its first request.
            host.Services.GetRequiredService<TpmPrep.Web.Data.DatabaseReadiness>().Ready.GetAwaiter().GetResult();
        }

        if (WaitForContent)
        {
            host.Services.GetRequiredService<TpmPrep.Web.Catalogue.CatalogueProvider>().FirstLoad.GetAwaiter().GetResult();
        }

        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("TpmPrep:ContentPath", ContentPath);
        builder.UseSetting("TpmPrep:DataPath", DataPath);
        if (Database.Provider == TpmPrep.Web.Data.DatabaseProvider.PostgreSql)
        {
            builder.UseSetting("TpmPrep:Database", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:TpmPrep", Database.ConnectionString);
        }

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
            if (_ownsDatabase)
            {
                Database.Dispose();
            }

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

    private sealed class SqliteFactory() : TpmPrepFactory(TpmPrep.Web.Data.DatabaseProvider.Sqlite);

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
