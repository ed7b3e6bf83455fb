using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using TpmPrep.Web.Catalogue;

namespace TpmPrep.Web.Tests.Infrastructure;

public sealed class HostingKeepsDataSafe
{
    [Fact]
    public async Task DatabaseIsCreatedInTheDataFolderInWalMode()
    {
        using var factory = TpmPrepFactory.OnSqlite();
        using var client = new AppClient(factory);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/healthz")).StatusCode);

        Assert.True(File.Exists(factory.DatabasePath));
        using var db = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await db.OpenAsync();
        using var command = db.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "SELECT count(*) FROM __EFMigrationsHistory;";
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 1);
    }

    [Fact]
    public async Task ConnectionsWaitForABusyDatabaseInsteadOfFailing()
    {
        using var factory = TpmPrepFactory.OnSqlite();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TpmPrep.Web.Data.AppDbContext>();
        // Opened by EF, as every request's connection is, so the connection interceptor runs.
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.OpenConnectionAsync(db.Database);
        var connection = (SqliteConnection)Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(db.Database);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";

        Assert.Equal(5000L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task ARestartKeepsPeopleLoggedIn()
    {
        using var first = new TpmPrepFactory();
        using var client = await AppClient.RegisteredAsync(first, "stays@example.com");
        var cookie = await AuthCookieAsync(first);
        if (first.Database.Provider == TpmPrep.Web.Data.DatabaseProvider.Sqlite)
        {
            Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(first.DataPath, "keys"), "key-*.xml"));
        }

        // A second app on the same data folder is what a restart looks like.
        using var restarted = new SameDataFactory(first);
        using var http = restarted.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/attempts");
        request.Headers.Add("Cookie", cookie);

        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task HealthIsUnavailableWithoutQuestions()
    {
        using var factory = new EmptyContentFactory();
        using var client = new AppClient(factory);

        var response = await client.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/banks")).StatusCode);
    }

    private static async Task<string> AuthCookieAsync(TpmPrepFactory factory)
    {
        using var login = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await login.GetAsync("/account/login");
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var antiforgeryCookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "stays@example.com",
                ["Input.Password"] = AppClient.Password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var response = await login.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("tpmprep.auth=", StringComparison.Ordinal));
    }

    private sealed class SameDataFactory(TpmPrepFactory original) : TpmPrepFactory(original.Database.Provider, original.Database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("TpmPrep:DataPath", original.DataPath);
        }
    }

    private sealed class EmptyContentFactory : TpmPrepFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var empty = Path.Combine(Root, "empty-content");
            Directory.CreateDirectory(empty);
            builder.UseSetting("TpmPrep:ContentPath", empty);
        }
    }
}

public sealed class ContentChangesArePickedUpWithoutARestart
{
    [Fact]
    public async Task ANewQuestionFileAppearsAndABrokenOneIsReported()
    {
        using var factory = new TpmPrepFactory();
        using var client = new AppClient(factory);
        var provider = factory.Services.GetRequiredService<CatalogueProvider>();
        var before = provider.Current;
        var source = Path.Combine(factory.ContentPath, "banks", "system-design", "sd-fleet-update-10000-servers.md");
        var text = await File.ReadAllTextAsync(source);

        await File.WriteAllTextAsync(
            Path.Combine(factory.ContentPath, "banks", "system-design", "sd-added-at-runtime.md"),
            text.Replace("id: sd-fleet-update-10000-servers", "id: sd-added-at-runtime", StringComparison.Ordinal)
                .Replace("title: Update 10,000+ servers without customers noticing", "title: Added while running", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(factory.ContentPath, "banks", "system-design", "sd-broken.md"), "---\nid: sd-broken\n");

        // Both files are in once the new question loads and the broken one is reported.
        var after = await Eventually.WaitForAsync(
            () => provider.Current,
            c => c.FindQuestion("sd-added-at-runtime") is not null && c.Errors.Any(e => e.Path == "content/banks/system-design/sd-broken.md"),
            "the reload that picks up both files");
        Assert.Equal(before.QuestionCount + 1, after.QuestionCount);
        Assert.Contains(after.Errors, e => e.Path == "content/banks/system-design/sd-broken.md" && e.Line == 1);
        Assert.Contains("Added while running", await client.GetHtmlAsync("/questions/sd-added-at-runtime"), StringComparison.Ordinal);
        Assert.Contains("content/banks/system-design/sd-broken.md:1: front matter is not closed", await client.GetHtmlAsync("/content-status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadersNeverSeeAHalfLoadedCatalogue()
    {
        using var factory = new TpmPrepFactory();
        var provider = factory.Services.GetRequiredService<CatalogueProvider>();
        var expected = provider.Current.QuestionCount;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var observed = new List<int>();

        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var catalogue = provider.Current;
                observed.Add(catalogue.Banks.Sum(b => b.Questions.Count) == catalogue.QuestionCount ? catalogue.QuestionCount : -1);
            }
        });
        for (var i = 0; i < 5; i++)
        {
            provider.Reload();
        }

        await stop.CancelAsync();
        await reader;

        Assert.NotEmpty(observed);
        Assert.All(observed, count => Assert.Equal(expected, count));
    }
}
