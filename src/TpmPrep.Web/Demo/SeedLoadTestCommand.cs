using System.Diagnostics;
using System.Globalization;
using Humanizer;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Demo;

/// <summary>
/// <c>seed-load-test [--password P] [--sizes N,N,...] [--writers N] [--questions FILE]</c>: the benchmark's accounts
/// (docs/performance.md). A candidate load-N@tpmprep.local with N graded attempts for each size (0, 500, 5,000 and
/// 50,000 by default), and writer-1 to writer-8@tpmprep.local with no history. Accounts that exist are left as they
/// are. --questions writes "id, criteria, levels" for each question (tab-separated), which the write benchmark needs
/// to post a valid grade.
/// </summary>
internal static class SeedLoadTestCommand
{
    private const string Usage = "usage: seed-load-test [--password PASSWORD] [--sizes N,N,...] [--writers N] [--questions FILE]";

    private const int MostAttempts = 1_000_000;

    private const int MostWriters = 100;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (Parse(args) is not { } options)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        if (options.Password.Length < AccountRules.MinimumPasswordLength)
        {
            await error.WriteLineAsync($"The password must be at least {AccountRules.MinimumPasswordLength} characters.");
            return 2;
        }

        await services.PrepareDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var catalogue = scope.ServiceProvider.GetRequiredService<CatalogueProvider>().Current;
        var data = scope.ServiceProvider.GetRequiredService<LoadTestData>();
        var accounts = options.Sizes.Select(n => (Email: LoadTestData.CandidateEmail(n), Name: $"Load {n}", Attempts: n))
            .Concat(Enumerable.Range(1, options.Writers).Select(n => (Email: LoadTestData.WriterEmail(n), Name: $"Writer {n}", Attempts: 0)));
        foreach (var (email, name, attempts) in accounts)
        {
            var timer = Stopwatch.StartNew();
            if (await data.CreateAccountAsync(email, name, options.Password, attempts, catalogue, CancellationToken.None))
            {
                await output.WriteLineAsync($"{email}: created with {"attempt".ToQuantity(attempts)} in {timer.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
            }
            else
            {
                await output.WriteLineAsync($"{email} already exists; nothing changed.");
            }
        }

        if (options.QuestionsFile is { } path)
        {
            var lines = catalogue.Questions.OrderBy(q => q.Id, StringComparer.Ordinal)
                .Select(q => string.Create(CultureInfo.InvariantCulture, $"{q.Id}\t{q.Rubric.Count}\t{q.RubricLevels}"));
            await File.WriteAllLinesAsync(path, lines);
            await output.WriteLineAsync($"{"question".ToQuantity(catalogue.QuestionCount)} listed in {path}.");
        }

        await output.WriteLineAsync($"Log in as any of them with the password {options.Password}");
        return 0;
    }

    private static Options? Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                return null;
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case "--password":
                    options = options with { Password = value };
                    break;
                case "--sizes":
                    var sizes = value.Split(',', StringSplitOptions.TrimEntries).Select(ParseCount).ToList();
                    if (sizes.Count == 0 || sizes.Any(n => n is null or > MostAttempts) || sizes.Distinct().Count() != sizes.Count)
                    {
                        return null;
                    }

                    options = options with { Sizes = sizes.Select(n => n!.Value).ToList() };
                    break;
                case "--writers":
                    if (ParseCount(value) is not { } writers || writers > MostWriters)
                    {
                        return null;
                    }

                    options = options with { Writers = writers };
                    break;
                case "--questions":
                    options = options with { QuestionsFile = value };
                    break;
                default:
                    return null;
            }
        }

        return options;
    }

    private static int? ParseCount(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private sealed record Options
    {
        public string Password { get; init; } = LoadTestData.DefaultPassword;

        public IReadOnlyList<int> Sizes { get; init; } = LoadTestData.DefaultSizes;

        public int Writers { get; init; } = LoadTestData.DefaultWriters;

        public string? QuestionsFile { get; init; }
    }
}
