using System.Net;
using System.Text.RegularExpressions;
using TpmPrep.Web.Tests.Infrastructure;
using TpmPrep.Web.Tests.Pages.Practice;

namespace TpmPrep.Web.Tests.Standards;

/// <summary>One page as a visitor received it.</summary>
public sealed record SitePage(string Visitor, string Url, HttpStatusCode Status, string Html)
{
    public override string ToString() => $"{Visitor} {Url}";
}

/// <summary>
/// The app with the demo candidate's four months of history (seed-demo), and the HTML of its main pages as an anonymous
/// visitor and as that candidate receive them, fetched once for every standards check.
/// </summary>
public sealed class SeededSite : IAsyncLifetime
{
    public const string Anonymous = "anonymous";

    public const string Candidate = "candidate";

    public const string HiringManager = "hiring manager";

    public TpmPrepFactory Factory { get; } = new();

    public IReadOnlyList<SitePage> Pages { get; private set; } = [];

    public SitePage Page(string visitor, string url) =>
        Pages.SingleOrDefault(p => p.Visitor == visitor && p.Url == url) ?? throw new Xunit.Sdk.XunitException($"{visitor} {url} was not fetched");

    /// <summary>The page whose address matches <paramref name="pattern"/> (the ids are the seed's).</summary>
    public SitePage PageLike(string visitor, string pattern) =>
        Pages.Single(p => p.Visitor == visitor && Regex.IsMatch(p.Url, pattern));

    public async Task InitializeAsync()
    {
        var seeded = await TpmPrep.Web.Demo.SeedDemoCommand.RunAsync(Factory.Services, [], TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, seeded);
        var pages = new List<SitePage>();

        using (var visitor = new AppClient(Factory))
        {
            foreach (var url in new[] { "/", "/banks", "/banks/system-design", "/questions/sd-url-shortener-launch", "/questions", "/questions?q=critical+path", "/account/login", "/account/register", "/content-status" })
            {
                pages.Add(await FetchAsync(visitor, Anonymous, url));
            }

            pages.Add(await FetchAsync(visitor, Anonymous, "/questions/no-such-question", HttpStatusCode.NotFound));
            var refused = await visitor.PostFormAsync("/account/register", new() { ["Input.Email"] = "not-an-email", ["Input.Password"] = "short" });
            pages.Add(new SitePage(Anonymous, "/account/register (refused)", refused.StatusCode, await refused.Content.ReadAsStringAsync()));
        }

        using var candidate = new AppClient(Factory);
        var login = await candidate.PostFormAsync("/account/login", new()
        {
            ["Input.Email"] = TpmPrep.Web.Demo.DemoData.DefaultEmail,
            ["Input.Password"] = TpmPrep.Web.Demo.DemoData.DefaultPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        foreach (var url in new[]
        {
            "/", "/banks/system-design?skill=technical", "/questions/sd-url-shortener-launch", "/progress", "/attempts", "/attempts?p=2", "/review", "/review?p=2", "/practice",
            "/assessment", "/my-questions", "/my-questions/edit", "/questions/my-1", "/account/profile", "/account/data", "/account/password", "/account/delete",
            "/progress/calibration", "/coaching", "/today", "/questions/sd-url-shortener-launch/follow-ups/1", "/questions", "/questions?q=risk+vendor&level=senior-tpm&p=1", "/questions?saved=true", "/lists",
        })
        {
            pages.Add(await FetchAsync(candidate, Candidate, url));
        }

        var newestAttempt = FirstLink(pages, "/attempts", @"^/attempts/\d+$");
        var results = FirstLink(pages, "/assessment", @"^/assessment/\d+$");
        var summary = FirstLink(pages, "/practice", @"^/practice/\d+/summary$");
        var list = FirstLink(pages, "/lists", @"^/lists/\d+$");
        var quick = FirstLink(pages, "/review", @"^/review/quick/[a-z0-9-]+$");
        var mock = await PracticeDriver.StartSessionAsync(candidate, new() { ["Input.Count"] = "2", ["Input.Mode"] = "MockInterview" });
        var started = await candidate.PostFormAsync("/assessment", new() { ["LevelId"] = "senior-tpm" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);

        foreach (var url in new[]
        {
            newestAttempt, newestAttempt + "/grade", newestAttempt + "/delete", results, summary, $"/practice/{mock}", started.Headers.Location!.OriginalString,
            "/my-questions/edit/1", list, quick,
        })
        {
            pages.Add(await FetchAsync(candidate, Candidate, url));
        }

        // The demo hiring manager's side: kits, the plan, a submitted card and the debriefs (the seed's ids).
        using var manager = new AppClient(Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync("/account/login", new()
        {
            ["Input.Email"] = TpmPrep.Web.Demo.DemoHiring.ManagerEmail,
            ["Input.Password"] = TpmPrep.Web.Demo.DemoData.DefaultPassword,
        })).StatusCode);
        pages.Add(await FetchAsync(manager, HiringManager, "/kits"));
        var kit = FirstLink(pages, "/kits", @"^/kits/\d+$", HiringManager);
        foreach (var url in new[]
        {
            "/kits/new", "/kits/generate", kit, kit + "?q=risk&level=senior-tpm", kit + "/print", kit + "/delete",
            "/plans", "/plans/1", "/plans/1/compare", "/debriefs/1", "/debriefs/2", "/scorecards/1",
        })
        {
            pages.Add(await FetchAsync(manager, HiringManager, url));
        }

        // The ready-made loops and one of their kits, found by its link.
        pages.Add(await FetchAsync(manager, HiringManager, "/kits/ready-made"));
        pages.Add(await FetchAsync(manager, HiringManager, FirstLink(pages, "/kits/ready-made", @"^/kits/ready-made/[a-z0-9-]+/[a-z0-9-]+$", HiringManager)));

        // An interviewer on that plan: their own card, as they edit it.
        using var interviewer = new AppClient(Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await interviewer.PostFormAsync("/account/login", new()
        {
            ["Input.Email"] = TpmPrep.Web.Demo.DemoHiring.InterviewerEmails[0],
            ["Input.Password"] = TpmPrep.Web.Demo.DemoData.DefaultPassword,
        })).StatusCode);
        foreach (var url in new[] { "/plans/1", "/scorecards/1" })
        {
            pages.Add(await FetchAsync(interviewer, "interviewer", url));
        }

        // The demo coach: the cohort, the candidate's pages inside the scopes, the reports and a self-assessment.
        using var coach = new AppClient(Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFormAsync("/account/login", new()
        {
            ["Input.Email"] = TpmPrep.Web.Demo.DemoCoaching.CoachEmail,
            ["Input.Password"] = TpmPrep.Web.Demo.DemoData.DefaultPassword,
        })).StatusCode);
        pages.Add(await FetchAsync(coach, "coach", "/coach"));
        var coached = FirstLink(pages, "/coach", @"^/coach/candidates/\d+$", "coach");
        pages.Add(await FetchAsync(coach, "coach", coached));
        pages.Add(await FetchAsync(coach, "coach", coached + "/attempts"));
        var coachedAttempt = FirstLink(pages, coached + "/attempts", @"^/coach/candidates/\d+/attempts/\d+$", "coach");
        foreach (var url in new[] { coachedAttempt, coachedAttempt + "/rate", coached + "/report", "/coach/report", "/coach/join", "/kits" })
        {
            pages.Add(await FetchAsync(coach, "coach", url));
        }

        pages.Add(await FetchAsync(coach, "coach", FirstLink(pages, coached, @"^/coach/candidates/\d+/assessments/\d+$", "coach")));

        Pages = pages;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<SitePage> FetchAsync(AppClient client, string visitor, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.Http.GetAsync(url);
        Assert.True(response.StatusCode == expected, $"{visitor} {url} answered {(int)response.StatusCode}, not {(int)expected}");
        return new SitePage(visitor, url, response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string FirstLink(List<SitePage> pages, string on, string pattern, string visitor = Candidate) =>
        Html.Parse(pages.Single(p => p.Visitor == visitor && p.Url == on).Html).QuerySelectorAll("a[href]")
            .Select(a => a.GetAttribute("href")!)
            .FirstOrDefault(href => Regex.IsMatch(href, pattern))
        ?? throw new Xunit.Sdk.XunitException($"no link like {pattern} on {on}");
}

[CollectionDefinition(Name)]
public sealed class SeededSiteTests : ICollectionFixture<SeededSite>
{
    public const string Name = "Seeded site";
}
