using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
        using var scope = factory.Services.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<TpmPrep.Web.Data.AppDbContext>().Database;
        Assert.Equal(database.GetMigrations(), await database.GetAppliedMigrationsAsync());
    }

    /// <summary>
    /// Each context keeps one connection for its life, and every connection the pool hands out, the first time or again,
    /// has foreign keys on and commits to the write-ahead log without waiting for the disk.
    /// </summary>
    [Fact]
    public async Task EveryConnectionIsSetUpOnceAndKeptForTheContextsLife()
    {
        using var factory = TpmPrepFactory.OnSqlite();
        for (var round = 0; round < 3; round++)
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TpmPrep.Web.Data.AppDbContext>();
            var connection = db.Database.GetDbConnection();
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);

            Assert.Equal(1L, await PragmaAsync(connection, "foreign_keys"));
            Assert.Equal(1L, await PragmaAsync(connection, "synchronous")); // NORMAL
            _ = await db.Attempts.CountAsync();
            Assert.Same(connection, db.Database.GetDbConnection());
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        }
    }

    /// <summary>A set-up cut short (here, cancelled) is not taken as done: the next open of the same connection sets it up.</summary>
    [Fact]
    public async Task AConnectionWhoseSetUpFailedIsSetUpAtItsNextOpen()
    {
        var setup = new TpmPrep.Web.Data.SqliteConnectionSetup();
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => setup.ConnectionOpenedAsync(connection, null!, cancelled.Token));
        Assert.Equal(2L, await PragmaAsync(connection, "synchronous")); // SQLite's default, FULL: the set-up did not run

        await setup.ConnectionOpenedAsync(connection, null!, CancellationToken.None);
        Assert.Equal(1L, await PragmaAsync(connection, "synchronous")); // NORMAL
    }

    private static async Task<long> PragmaAsync(System.Data.Common.DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A write that finds the database locked waits in the app's busy handler, then goes through once the lock is free.</summary>
    [Fact]
    public async Task ConnectionsWaitForABusyDatabaseInsteadOfFailing()
    {
        using var factory = TpmPrepFactory.OnSqlite();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TpmPrep.Web.Data.AppDbContext>();
        // Opened by EF, as every request's connection is, so the connection interceptor runs.
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.OpenConnectionAsync(db.Database);
        await using var holder = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await holder.OpenAsync();
        await using var hold = holder.BeginTransaction(deferred: false);
        var waitsBefore = TpmPrep.Web.Data.SqliteConnectionSetup.Waits;

        var write = Task.Run(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AspNetRoles\" SET \"ConcurrencyStamp\" = \"ConcurrencyStamp\""));
        await Eventually.WaitForAsync(() => TpmPrep.Web.Data.SqliteConnectionSetup.Waits, waits => waits > waitsBefore || write.IsCompleted, "the write to wait for the lock");
        Assert.False(write.IsCompleted, "the write went through while another connection held the write lock");
        await hold.CommitAsync();

        Assert.Equal(4, await write);
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

public sealed partial class ContentChangesArePickedUpWithoutARestart
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

    /// <summary>
    /// Every reload rewrites one question in each bank together, all to the same generation number, so a whole
    /// catalogue has one generation in all of them; a reader that ever sees two, a question missing, or a bank
    /// that disagrees with the question index, has seen a catalogue half swapped in.
    /// </summary>
    [Fact]
    public async Task ReadersNeverSeeAHalfLoadedCatalogue()
    {
        const int generations = 12;
        using var factory = new TpmPrepFactory();
        var marked = GenerationFiles.Prepare(factory);
        var provider = factory.Services.GetRequiredService<CatalogueProvider>();
        var expectedQuestions = provider.Current.QuestionCount;
        var expectedBanks = provider.Current.Banks.Count;
        Assert.All(marked.Questions, q => Assert.NotNull(provider.Current.FindQuestion(q)));
        var seen = 0;
        var checks = 0L;
        string? torn = null;
        using var stop = new CancellationTokenSource();

        // The reader keeps only counts and the first tear it meets, however long it runs.
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested && torn is null)
            {
                var catalogue = provider.Current;
                torn = GenerationFiles.Tear(catalogue, marked.Questions, expectedQuestions, expectedBanks, out var generation);
                Interlocked.Increment(ref checks);
                if (generation > Volatile.Read(ref seen))
                {
                    Volatile.Write(ref seen, generation);
                }
            }
        });

        for (var generation = 1; generation <= generations && !reader.IsCompleted; generation++)
        {
            marked.Write(generation);
            provider.Reload();
            // The reader is reading while the next reload runs, not only between reloads.
            await Eventually.WaitForAsync(() => reader.IsCompleted || Volatile.Read(ref seen) >= generation, done => done, $"the reader to see generation {generation}");
        }

        await stop.CancelAsync();
        await reader;

        Assert.True(torn is null, torn);
        Assert.Equal(generations, seen);
        Assert.True(Interlocked.Read(ref checks) > generations, $"{checks} catalogues checked");
    }

    /// <summary>
    /// The first question file of each bank, each with a second name outside the content folder (a hard link):
    /// writes through that name change the file the loader reads without telling the folder's watcher, so the
    /// only reloads are the test's own, each after a whole generation is written.
    /// </summary>
    private sealed partial class GenerationFiles
    {
        private readonly List<(string Outside, string Text, string Title)> _files;

        private GenerationFiles(List<(string Outside, string Text, string Title)> files, List<string> questions)
        {
            _files = files;
            Questions = questions;
        }

        public IReadOnlyList<string> Questions { get; }

        /// <summary>Links the files; before the app starts, so that its watcher has seen nothing of it.</summary>
        public static GenerationFiles Prepare(TpmPrepFactory factory)
        {
            var outside = Path.Combine(factory.Root, "generations");
            Directory.CreateDirectory(outside);
            var files = new List<(string, string, string)>();
            var questions = new List<string>();
            foreach (var bank in Directory.EnumerateDirectories(Path.Combine(factory.ContentPath, "banks")).Order(StringComparer.Ordinal))
            {
                var file = Directory.EnumerateFiles(bank, "*.md").Where(f => Path.GetFileName(f) != "_bank.md").Order(StringComparer.Ordinal).First();
                var link = Path.Combine(outside, Path.GetFileName(file));
                using (var ln = System.Diagnostics.Process.Start("ln", [file, link]))
                {
                    ln.WaitForExit();
                    Assert.Equal(0, ln.ExitCode);
                }

                var text = File.ReadAllText(file);
                files.Add((link, text, TitleLine().Match(text).Groups[1].Value));
                questions.Add(Path.GetFileNameWithoutExtension(file));
            }

            return new GenerationFiles(files, questions);
        }

        public void Write(int generation)
        {
            foreach (var (outside, text, title) in _files)
            {
                // In place (File.WriteAllText truncates the file it opens), so both names stay one file.
                File.WriteAllText(outside, TitleLine().Replace(text, _ => $"title: Generation {generation} - {title}", 1));
            }
        }

        /// <summary>What is torn about the catalogue, or null when it is whole; <paramref name="generation"/> is the one it holds (0 before the first).</summary>
        public static string? Tear(TpmPrep.Content.Model.ContentCatalogue catalogue, IReadOnlyList<string> questions, int expectedQuestions, int expectedBanks, out int generation)
        {
            generation = -1;
            if (catalogue.QuestionCount != expectedQuestions || catalogue.Banks.Count != expectedBanks || catalogue.Banks.Sum(b => b.Questions.Count) != expectedQuestions)
            {
                return $"a catalogue of {catalogue.Banks.Count} banks and {catalogue.QuestionCount} questions ({catalogue.Banks.Sum(b => b.Questions.Count)} in the banks), not {expectedBanks} and {expectedQuestions}";
            }

            var found = new List<(string Id, int Generation)>();
            foreach (var id in questions)
            {
                var indexed = catalogue.FindQuestion(id);
                var inBank = indexed is null ? null : catalogue.FindBank(indexed.BankId)?.Questions.SingleOrDefault(q => q.Id == id);
                if (indexed is null || inBank is null || inBank.Title != indexed.Title)
                {
                    return $"{id}: indexed as '{indexed?.Title}', in its bank as '{inBank?.Title}'";
                }

                var match = GenerationTitle().Match(indexed.Title);
                found.Add((id, match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0));
            }

            if (found.Select(f => f.Generation).Distinct().Count() == 1)
            {
                generation = found[0].Generation;
                return null;
            }

            return "generations differ: " + string.Join(", ", found.Select(f => $"{f.Id} {f.Generation}"));
        }

        [System.Text.RegularExpressions.GeneratedRegex("^title: (.*)$", System.Text.RegularExpressions.RegexOptions.Multiline)]
        private static partial System.Text.RegularExpressions.Regex TitleLine();

        [System.Text.RegularExpressions.GeneratedRegex(@"^Generation (\d+) - ")]
        private static partial System.Text.RegularExpressions.Regex GenerationTitle();
    }
}
