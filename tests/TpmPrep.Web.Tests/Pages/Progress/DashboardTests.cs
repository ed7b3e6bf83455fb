using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;
using TpmPrep.Web.Demo;
using TpmPrep.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TpmPrep.Web.Tests.Pages.Progress;

public sealed class DashboardShowsProgressAtAGlance(ITestOutputHelper output)
{
    [Fact]
    public async Task StreaksBankProgressScoresAndRecentAttemptsReflectPractice()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var first = await candidate.AnswerAsync("sd-fleet-update-10000-servers");
        await candidate.PostFormAsync($"/attempts/{first}/grade", new() { ["Input.Scores[0]"] = "4", ["Input.Scores[1]"] = "3", ["Input.Scores[2]"] = "2" });
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await candidate.AnswerAsync("sd-ecommerce-platform-end-to-end");

        var html = await candidate.GetHtmlAsync("/progress");

        // Both questions are in the system-design bank; only the first is graded, and it counts for its main skill area.
        var catalogue = factory.Services.GetRequiredService<CatalogueProvider>().Current;
        var bank = catalogue.FindBank("system-design")!;
        var skill = catalogue.FindSkill(catalogue.FindQuestion("sd-fleet-update-10000-servers")!.PrimarySkill)!;
        Assert.Contains("<strong>2</strong> day current streak", html, StringComparison.Ordinal);
        Assert.Contains("<strong>2</strong> day longest streak", html, StringComparison.Ordinal);
        Assert.Contains("<strong>2 attempts</strong> on 2 questions", html, StringComparison.Ordinal);
        Assert.Matches($"aria-label=\"{Regex.Escape(Encoded(bank.Title))}: 2 of {bank.Questions.Count} practised\"></progress>\\s*<span class=\"small\">2 / {bank.Questions.Count}</span>", html);
        Assert.Single(Regex.Matches(html, ": [1-9][0-9]* of [0-9]+ practised\""));
        Assert.Matches($"aria-label=\"{Regex.Escape(Encoded(skill.Title))}: average 3.0 of 4\"></progress>\\s*<span class=\"small\">3.0 / 4 \\(1 answer\\)</span>", html);
        Assert.Single(Regex.Matches(html, ": average [0-9]\\.[0-9] of 4\""));
        Assert.Contains("<svg class=\"chart heatmap\"", html, StringComparison.Ordinal);
        Assert.Contains("2 attempts on 2 days", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart trend\"", html, StringComparison.Ordinal);
        Assert.Contains("yesterday", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/review\">1 due</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyDashboardInvitesPractice()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);

        var html = await candidate.GetHtmlAsync("/progress");

        Assert.Contains("<strong>0</strong> day current streak", html, StringComparison.Ordinal);
        Assert.Contains("No attempts yet.", html, StringComparison.Ordinal);
    }

    /// <summary>5,000 attempts: the page is built from a fixed handful of queries, whatever the history.</summary>
    [Fact]
    public async Task StaysAFixedNumberOfQueriesForFiveThousandAttempts()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "heavy@example.com");
        using (var scope = factory.Services.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("heavy@example.com");
            var catalogue = scope.ServiceProvider.GetRequiredService<CatalogueProvider>().Current;
            await scope.ServiceProvider.GetRequiredService<DemoData>().AddHistoryAsync(user!.Id, catalogue, days: 365, attemptCount: 5000, seed: 7, CancellationToken.None);
        }

        await candidate.GetHtmlAsync("/progress");
        using var counter = new SqlCommandCounter(factory.Database);
        var timings = new List<double>();
        string html = string.Empty;
        for (var i = 0; i < 5; i++)
        {
            counter.Reset();
            var watch = Stopwatch.StartNew();
            html = await candidate.GetHtmlAsync("/progress");
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        Assert.Contains("<strong>5000 attempts</strong>", html, StringComparison.Ordinal);
        // Six reads for the dashboard itself and one for the coaches' assignments (none here: no second query for their answers).
        Assert.InRange(counter.Count, 1, 7);
        timings.Sort();
        output.WriteLine($"/progress with 5,000 attempts: {counter.Count} SQL commands, median {timings[2]:0} ms, best {timings[0]:0} ms, worst {timings[^1]:0} ms");
    }

    private static string Encoded(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);
}
