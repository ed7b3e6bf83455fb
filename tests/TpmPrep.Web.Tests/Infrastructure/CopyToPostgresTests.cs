using System.Net;
using System.Text.RegularExpressions;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>copy-to-postgresql moves a whole SQLite instance into an empty PostgreSQL database and refuses one with data.</summary>
public sealed partial class MovingFromSqliteToPostgres(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task TheDemoCandidateLogsInOnPostgresAndSeesTheSameDashboard()
    {
        using var sqlite = TpmPrepFactory.OnSqlite();
        Assert.Equal(0, await TpmPrep.Web.Demo.SeedDemoCommand.RunAsync(sqlite.Services, [], TextWriter.Null, TextWriter.Null));
        using var before = await LogInAsDemoAsync(sqlite);
        var dashboardBefore = Figures(await before.GetHtmlAsync("/progress"));
        var attemptsBefore = await before.GetHtmlAsync("/attempts");
        using var target = TestDatabase.Create(DatabaseProvider.PostgreSql, sqlite.DataPath);
        using var report = new StringWriter();
        using var errors = new StringWriter();

        var exit = await CopyToPostgresCommand.RunAsync(sqlite.Services, sqlite.Services.GetRequiredService<TpmPrep.Web.Infrastructure.TpmPrepPaths>(), [target.ConnectionString!], report, errors);

        output.WriteLine(report.ToString());
        Assert.True(exit == 0, errors.ToString());
        Assert.Contains("every table has the same number of rows in both databases", report.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"Attempts\s+260 rows", report.ToString());
        Assert.Matches(@"Data Protection keys\)\s+1 key", report.ToString());
        using var postgres = new PostgresInstance(target);
        using var after = await LogInAsDemoAsync(postgres);
        // The key ring moved too: a cookie the SQLite instance issued still opens the PostgreSQL one.
        using var carried = postgres.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/attempts");
        request.Headers.Add("Cookie", before.AuthCookieHeader ?? throw new InvalidOperationException("no cookie"));
        Assert.Equal(HttpStatusCode.OK, (await carried.SendAsync(request)).StatusCode);
        Assert.Equal(dashboardBefore, Figures(await after.GetHtmlAsync("/progress")));
        Assert.Equal(AttemptLinks(attemptsBefore), AttemptLinks(await after.GetHtmlAsync("/attempts")));
        // New rows get new ids after the copied ones.
        var id = await after.AnswerAsync("sd-fleet-update-10000-servers");
        Assert.True(id > 260, $"new attempt id {id}");
    }

    [Fact]
    public async Task ATargetWithDataIsRefusedAndKeptAsItWas()
    {
        using var sqlite = TpmPrepFactory.OnSqlite();
        using var client = await AppClient.RegisteredAsync(sqlite, "mover@example.com");
        using var target = TestDatabase.Create(DatabaseProvider.PostgreSql, sqlite.DataPath);
        var paths = sqlite.Services.GetRequiredService<TpmPrep.Web.Infrastructure.TpmPrepPaths>();
        Assert.Equal(0, await CopyToPostgresCommand.RunAsync(sqlite.Services, paths, [target.ConnectionString!], TextWriter.Null, TextWriter.Null));
        using var errors = new StringWriter();

        var again = await CopyToPostgresCommand.RunAsync(sqlite.Services, paths, [target.ConnectionString!], TextWriter.Null, errors);

        Assert.Equal(1, again);
        Assert.Contains("The target database is not empty (", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("AspNetUsers: 1 row", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing was copied", errors.ToString(), StringComparison.Ordinal);
    }

    private static async Task<AppClient> LogInAsDemoAsync(TpmPrepFactory factory)
    {
        var client = new AppClient(factory);
        var login = await client.PostFormAsync("/account/login", new() { ["Input.Email"] = TpmPrep.Web.Demo.DemoData.DefaultEmail, ["Input.Password"] = TpmPrep.Web.Demo.DemoData.DefaultPassword });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    /// <summary>What the dashboard says in figures: counts, streaks, per-bank and per-area numbers.</summary>
    private static List<string> Figures(string html) => StrongFigures().Matches(html).Select(m => m.Value).ToList();

    private static List<string> AttemptLinks(string html) => AttemptLink().Matches(html).Select(m => m.Value).ToList();

    [GeneratedRegex(@"<strong>[^<]*</strong>[^<]{0,40}")]
    private static partial Regex StrongFigures();

    [GeneratedRegex(@"/attempts/\d+"">[^<]+")]
    private static partial Regex AttemptLink();

    private sealed class PostgresInstance(TestDatabase database) : TpmPrepFactory(DatabaseProvider.PostgreSql, database);
}
