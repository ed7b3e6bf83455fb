using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Standards;

[Collection(SeededSiteTests.Name)]
public sealed class EveryPageDescribesItself(SeededSite site)
{
    [Fact]
    public void EveryPageHasOneShortPlainDescription()
    {
        Assert.All(site.Pages, page =>
        {
            var descriptions = Html.Parse(page.Html).QuerySelectorAll("meta[name=description]");
            Assert.True(descriptions.Length == 1, $"{page}: {descriptions.Length} descriptions");
            var text = descriptions[0].GetAttribute("content") ?? "";
            Assert.False(string.IsNullOrWhiteSpace(text), $"{page}: empty description");
            Assert.True(text.Length <= PageDescription.MaxLength, $"{page}: {text.Length} characters");
            Assert.DoesNotMatch(@"[<>*`#]|&\w+;", text);
        });
    }

    [Fact]
    public void TheMainPagesEachSayWhatTheyAre()
    {
        var main = new[]
        {
            site.Page(SeededSite.Anonymous, "/"), site.Page(SeededSite.Anonymous, "/banks"), site.Page(SeededSite.Anonymous, "/banks/system-design"),
            site.Page(SeededSite.Anonymous, "/questions/sd-url-shortener-launch"), site.Page(SeededSite.Anonymous, "/account/login"),
            site.Page(SeededSite.Anonymous, "/account/register"), site.Page(SeededSite.Candidate, "/progress"), site.Page(SeededSite.Candidate, "/attempts"),
            site.Page(SeededSite.Candidate, "/review"), site.Page(SeededSite.Candidate, "/practice"), site.Page(SeededSite.Candidate, "/assessment"),
            site.PageLike(SeededSite.Candidate, @"^/assessment/\d+$"), site.PageLike(SeededSite.Candidate, @"^/attempts/\d+/grade$"),
            site.PageLike(SeededSite.Candidate, @"^/attempts/\d+$"), site.Page(SeededSite.Candidate, "/my-questions"), site.Page(SeededSite.Candidate, "/account/profile"),
        };

        var descriptions = main.Select(p => (Page: p, Text: Description(p))).ToList();

        var repeated = descriptions.GroupBy(d => d.Text).Where(g => g.Count() > 1).Select(g => $"\"{g.Key}\" on {string.Join(", ", g.Select(d => d.Page))}").ToList();
        Assert.True(repeated.Count == 0, string.Join("\n", repeated));
        Assert.All(descriptions.Where(d => d.Page.Url != "/"), d => Assert.NotEqual(PageDescription.Site, d.Text));
    }

    [Fact]
    public void ABankIsDescribedByItsSummaryAndAQuestionByItsFirstSentence()
    {
        var bank = site.Factory.Services.GetRequiredService<CatalogueProvider>().Current.FindBank("system-design")!;

        Assert.Equal(bank.Summary, Description(site.Page(SeededSite.Anonymous, "/banks/system-design")));
        Assert.Equal(
            "Your company wants its own link shortener (like a branded short domain) for marketing campaigns, printed packaging and customer messages.",
            Description(site.Page(SeededSite.Anonymous, "/questions/sd-url-shortener-launch")));
        Assert.Equal("Describe a program that was off track when you took it over.", Description(site.Page(SeededSite.Candidate, "/questions/my-1")));
    }

    private static string Description(SitePage page) =>
        Html.Parse(page.Html).QuerySelector("meta[name=description]")?.GetAttribute("content") ?? throw new Xunit.Sdk.XunitException($"{page} has no description");
}
