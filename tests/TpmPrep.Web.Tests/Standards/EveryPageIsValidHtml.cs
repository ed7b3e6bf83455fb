using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Standards;

[Collection(SeededSiteTests.Name)]
public sealed class EveryPageIsValidHtml(SeededSite site)
{
    /// <summary>A page with one known error, checked alongside: proves the checker ran and its messages reach the right page.</summary>
    private const string Canary = "canary.html";

    /// <summary>All pages, the stylesheet and the icon in one run of the W3C Nu Html Checker: Java starts once.</summary>
    [Fact]
    public async Task TheNuHtmlCheckerFindsNoErrorOnAnyMainPage()
    {
        using var client = site.Factory.CreateClient();
        var documents = site.Pages.Select(p => ($"{p.Visitor} {p.Url}.html", p.Html)).ToList();
        documents.Add(("/css/site.css", await client.GetStringAsync("/css/site.css")));
        documents.Add(("/favicon.svg", await client.GetStringAsync("/favicon.svg")));
        documents.Add((Canary, "<!DOCTYPE html><html lang=\"en\"><head><title>Canary</title></head><body><div aria-label=\"Library size\">3</div></body></html>"));

        var messages = await NuHtmlChecker.CheckAsync(documents);

        var canary = Assert.Single(messages, m => m.Document == Canary);
        Assert.Contains("“aria-label” attribute must not be specified on any “div” element", canary.Text, StringComparison.Ordinal);
        var errors = messages.Where(m => m.IsError && m.Document != Canary).ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} errors on {errors.Select(e => e.Document).Distinct().Count()} of {documents.Count - 1} documents:\n{string.Join("\n", errors)}");
        Assert.DoesNotContain(messages, m => m.Document.StartsWith("file:", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryTimeCarriesAMachineReadableUtcInstant()
    {
        var times = site.Pages.SelectMany(p => Html.Parse(p.Html).QuerySelectorAll("time").Select(t => (Page: p, Time: t))).ToList();

        // Two pages each of attempts and of the review queue (25 to a page), the dashboard's ten, grades and details.
        Assert.True(times.Count > 100, $"only {times.Count} <time> elements: the demo history should show more than a hundred");

        // And each page that lists times shows at least one.
        foreach (var (visitor, pattern) in new[]
        {
            (SeededSite.Anonymous, "^/content-status$"), (SeededSite.Candidate, "^/attempts$"), (SeededSite.Candidate, "^/review$"),
            (SeededSite.Candidate, "^/progress$"), (SeededSite.Candidate, "^/my-questions$"), (SeededSite.Candidate, @"^/attempts/\d+$"),
            (SeededSite.Candidate, @"^/attempts/\d+/grade$"), (SeededSite.Candidate, @"^/assessment/\d+$"),
        })
        {
            var page = site.PageLike(visitor, pattern);
            Assert.True(times.Any(t => t.Page == page), $"no <time> on {page}");
        }

        Assert.All(times, t => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", t.Time.GetAttribute("datetime") ?? $"none on {t.Page}"));
    }

    [Fact]
    public void ScriptsAreDeferred()
    {
        var scripts = site.Pages.SelectMany(p => Html.Parse(p.Html).QuerySelectorAll("script")).ToList();

        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.True(s.HasAttribute("defer"), s.OuterHtml));
    }
}
