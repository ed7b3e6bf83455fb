using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Practice;

/// <summary>Search across every bank, bookmarks, personal lists, and a session started from a list.</summary>
public sealed partial class FindAndListsTests
{
    [Fact]
    public void EveryWordMustMatchAndTitleMatchesComeFirst()
    {
        using var factory = new TpmPrepFactory();
        using var scope = factory.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<QuestionSearch>();
        var catalogue = search.Catalogue;

        var found = search.Search(new SearchRequest("Critical  PATH")).Questions;
        Assert.NotEmpty(found);
        Assert.Equal("ms-critical-path-calculation", found.Take(3).Select(q => q.Id).Single(id => id == "ms-critical-path-calculation"));
        static string Text(TpmPrep.Content.Model.Question q) => (q.Title + " " + q.Id.Replace('-', ' ') + " " + PageDescription.PlainText(q.PromptHtml)).ToLowerInvariant();
        Assert.All(found, q => Assert.True(Text(q).Contains("critical", StringComparison.Ordinal) && Text(q).Contains("path", StringComparison.Ordinal), q.Id));
        // Title matches before prompt-only matches.
        var vendor = search.Search(new SearchRequest("vendor")).Questions;
        var inTitle = vendor.Select(q => (q.Title + q.Id).Contains("vendor", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Contains(true, inTitle);
        Assert.Contains(false, inTitle);
        Assert.True(inTitle.IndexOf(false) > inTitle.LastIndexOf(true), "a prompt-only match came before a title match");
        // A question that has every word but one is not found.
        Assert.Empty(search.Search(new SearchRequest("critical path zebra")).Questions);

        // Labels count: a skill area's title, a kind, a level, a bank; filters narrow.
        var estimation = search.Search(new SearchRequest("estimation")).Questions;
        Assert.Contains(estimation, q => q.Kind == "estimation" && !q.Title.Contains("estimat", StringComparison.OrdinalIgnoreCase));
        var filtered = search.Search(new SearchRequest(null, Bank: "milestones-schedules", Kind: "estimation")).Questions;
        Assert.NotEmpty(filtered);
        Assert.All(filtered, q => Assert.True(q.BankId == "milestones-schedules" && q.Kind == "estimation"));

        // No words: the whole library, in the banks' own order.
        var all = search.Search(new SearchRequest("   ")).Questions;
        Assert.Equal(catalogue.Banks.SelectMany(b => b.Questions).Select(q => q.Id), all.Select(q => q.Id));
    }

    [Fact]
    public void AnOverlongOrManyWordedQueryIsCutAndSaysSo()
    {
        var (terms, notice) = QuestionSearch.Terms(string.Join(' ', Enumerable.Range(1, 20).Select(i => "word" + i)));
        Assert.Equal(QuestionSearch.MaxTerms, terms.Count);
        Assert.Equal("Only the first 8 words of the search were used.", notice);

        var (longTerms, longNotice) = QuestionSearch.Terms(new string('a', 100_000));
        Assert.Equal(QuestionSearch.MaxQueryLength, Assert.Single(longTerms).Length);
        Assert.Equal("Only the first 200 characters of the search were used.", longNotice);

        Assert.Equal(["risk", "vendor"], QuestionSearch.Terms("“Risk”, vendor, RISK!").Terms);
    }

    [Fact]
    public async Task TheSearchPageIsPagedKeepsItsFiltersAndWorksWithoutAnAccount()
    {
        using var factory = new TpmPrepFactory();
        using var visitor = new AppClient(factory);

        var first = WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/questions"));
        var total = factory.Services.GetRequiredService<CatalogueProvider>().Current.QuestionCount;
        Assert.Contains($"{total} questions in the library; showing 1–25.", first, StringComparison.Ordinal);
        Assert.Equal(25, ResultLinks().Count(first));
        Assert.DoesNotContain("Bookmark", first.Replace("Bookmarked only", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var risk = WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/questions?q=vendor&bank=risk-management&p=1"));
        Assert.Contains("value=\"vendor\"", risk, StringComparison.Ordinal);
        Assert.Contains("<option value=\"risk-management\" selected=\"selected\">", risk, StringComparison.Ordinal);
        Assert.All(ResultLinks().Matches(risk), m => Assert.StartsWith("risk-", m.Groups[1].Value, StringComparison.Ordinal));

        // The pager keeps the words and filters; a page past the end shows the last page; unknown filters are dropped.
        var page2 = WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/questions?kind=behavioural&p=2"));
        Assert.Contains("href=\"/questions?kind=behavioural\" rel=\"prev\"", page2, StringComparison.Ordinal);
        var far = WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/questions?p=999999999"));
        Assert.Contains($"showing {(total - 1) / 25 * 25 + 1}–{total}.", far, StringComparison.Ordinal);
        var unknown = await visitor.Http.GetAsync("/questions?bank=no-such-bank&skill=%3Cscript%3E&level=x&kind=y&q=" + new string('x', 5000));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var unknownHtml = WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync());
        Assert.Contains("Only the first 200 characters of the search were used.", unknownHtml, StringComparison.Ordinal);
        Assert.Contains("No question matches.", unknownHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABookmarkIsSetShownFilteredAndTakenOffAndIsTheOwnersAlone()
    {
        using var factory = new TpmPrepFactory();
        using var cara = await AppClient.RegisteredAsync(factory, "cara@example.com");
        using var dan = await AppClient.RegisteredAsync(factory, "dan@example.com");

        var set = await cara.PostFormAsync("/questions", Bookmark("ms-critical-path-calculation", true), "/questions?handler=Bookmark");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/questions/ms-critical-path-calculation", set.Headers.Location!.OriginalString);
        var page = WebUtility.HtmlDecode(await cara.GetHtmlAsync("/questions/ms-critical-path-calculation"));
        Assert.Contains("Bookmarked.", page, StringComparison.Ordinal);
        Assert.Contains("aria-pressed=\"true\">★ Bookmarked</button>", page, StringComparison.Ordinal);

        var saved = WebUtility.HtmlDecode(await cara.GetHtmlAsync("/questions?saved=true"));
        Assert.Equal(["ms-critical-path-calculation"], ResultLinks().Matches(saved).Select(m => m.Groups[1].Value));
        Assert.Contains("1 question matches.", saved, StringComparison.Ordinal);
        var lists = WebUtility.HtmlDecode(await cara.GetHtmlAsync("/lists"));
        Assert.Contains("★ Bookmarks", lists, StringComparison.Ordinal);

        // Someone else has no bookmark, and cannot open Cara's.
        Assert.Contains("No question matches.", WebUtility.HtmlDecode(await dan.GetHtmlAsync("/questions?saved=true")), StringComparison.Ordinal);
        var bookmarksId = ListLinks().Match(lists).Groups[1].Value;
        Assert.Equal(HttpStatusCode.NotFound, (await dan.Http.GetAsync($"/lists/{bookmarksId}")).StatusCode);

        // A second bookmark of the same question changes nothing; taking it off empties the filter.
        await cara.PostFormAsync("/questions", Bookmark("ms-critical-path-calculation", true), "/questions?handler=Bookmark");
        Assert.Contains("1 question", WebUtility.HtmlDecode(await cara.GetHtmlAsync("/lists")), StringComparison.Ordinal);
        await cara.PostFormAsync("/questions", Bookmark("ms-critical-path-calculation", false), "/questions?handler=Bookmark");
        Assert.Contains("No question matches.", WebUtility.HtmlDecode(await cara.GetHtmlAsync("/questions?saved=true")), StringComparison.Ordinal);

        // An unknown question is a 404, and an outside return address is not followed.
        Assert.Equal(HttpStatusCode.NotFound, (await cara.PostFormAsync("/questions", Bookmark("no-such-question", true), "/questions?handler=Bookmark")).StatusCode);
        var outside = await cara.PostFormAsync("/questions", new(Bookmark("ms-critical-path-calculation", true)) { ["returnUrl"] = "https://evil.example/" }, "/questions?handler=Bookmark");
        Assert.Equal("/questions", outside.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AListIsBuiltFromTheQuestionPageAndStartsASession()
    {
        using var factory = new TpmPrepFactory();
        using var cara = await AppClient.RegisteredAsync(factory, "cara@example.com");
        using var dan = await AppClient.RegisteredAsync(factory, "dan@example.com");

        // Bad names are said beside the field, and nothing is made.
        var empty = WebUtility.HtmlDecode(await (await cara.PostFormAsync("/lists", new() { ["Name"] = "  " })).Content.ReadAsStringAsync());
        Assert.Contains("Give the list a name", empty, StringComparison.Ordinal);
        var longName = WebUtility.HtmlDecode(await (await cara.PostFormAsync("/lists", new() { ["Name"] = new string('n', 500) })).Content.ReadAsStringAsync());
        Assert.Contains("at most 80 characters; this one has 500", longName, StringComparison.Ordinal);
        Assert.Contains(new string('n', 500), longName, StringComparison.Ordinal); // kept in the field
        Assert.Contains("No list or bookmark yet.", await cara.GetHtmlAsync("/lists"), StringComparison.Ordinal);

        // From a question's page: add to a new list by name, then a second question to the same list.
        var made = await cara.PostFormAsync("/questions/risk-known-bug-may-hurt-sales", AddTo("risk-known-bug-may-hurt-sales", 0, "Weak on risk"), "/questions?handler=AddToList");
        Assert.Equal("/questions/risk-known-bug-may-hurt-sales", made.Headers.Location!.OriginalString);
        var question = WebUtility.HtmlDecode(await cara.GetHtmlAsync("/questions/risk-known-bug-may-hurt-sales"));
        var listId = int.Parse(ListLinks().Match(await cara.GetHtmlAsync("/lists")).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Added to the list.", question, StringComparison.Ordinal);
        Assert.Contains($"In your lists:", question, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/lists/{listId}\">Weak on risk</a>", question, StringComparison.Ordinal);
        await cara.PostFormAsync("/questions", AddTo("risk-portfolio-risk-appetite", listId, ""), "/questions?handler=AddToList");
        await cara.PostFormAsync("/questions", AddTo("risk-portfolio-risk-appetite", listId, ""), "/questions?handler=AddToList"); // twice: kept once
        var list = WebUtility.HtmlDecode(await cara.GetHtmlAsync($"/lists/{listId}"));
        Assert.Contains("2 questions", list, StringComparison.Ordinal);
        Assert.Equal(["risk-known-bug-may-hurt-sales", "risk-portfolio-risk-appetite"], ResultLinks().Matches(list).Select(m => m.Groups[1].Value));

        // Answered once, the first question goes after the never-answered one in a one-question session.
        await cara.AnswerAsync("risk-known-bug-may-hurt-sales");
        var start = await cara.PostFormAsync($"/lists/{listId}", new() { ["mode"] = "MockInterview", ["count"] = "1" }, $"/lists/{listId}?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var session = WebUtility.HtmlDecode(await cara.GetHtmlAsync(start.Headers.Location!.OriginalString));
        Assert.Contains("From the list “Weak on risk”", session, StringComparison.Ordinal);
        Assert.Contains("/questions/risk-portfolio-risk-appetite", session, StringComparison.Ordinal);
        Assert.DoesNotContain("/questions/risk-known-bug-may-hurt-sales\"", session, StringComparison.Ordinal);

        // Dan can neither see, change, start nor delete Cara's list, nor add to it.
        Assert.Equal(HttpStatusCode.NotFound, (await dan.Http.GetAsync($"/lists/{listId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dan.PostFormAsync("/lists", new() { ["questionId"] = "risk-portfolio-risk-appetite" }, $"/lists/{listId}?handler=Remove")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dan.PostFormAsync("/lists", new() { ["mode"] = "Practice", ["count"] = "2" }, $"/lists/{listId}?handler=Start")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dan.PostFormAsync("/lists", new(), $"/lists/{listId}?handler=Delete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dan.PostFormAsync("/questions", AddTo("ms-critical-path-calculation", listId, ""), "/questions?handler=AddToList")).StatusCode);
        Assert.Contains("2 questions", WebUtility.HtmlDecode(await cara.GetHtmlAsync($"/lists/{listId}")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await cara.Http.GetAsync("/lists/999999")).StatusCode);

        // Rename (with a bad name said beside the field), take one off, delete.
        var badRename = WebUtility.HtmlDecode(await (await cara.PostFormAsync($"/lists/{listId}", new() { ["Name"] = "" }, $"/lists/{listId}?handler=Rename")).Content.ReadAsStringAsync());
        Assert.Contains("Give the list a name", badRename, StringComparison.Ordinal);
        await cara.PostFormAsync($"/lists/{listId}", new() { ["Name"] = "Loop at company X" }, $"/lists/{listId}?handler=Rename");
        await cara.PostFormAsync($"/lists/{listId}", new() { ["questionId"] = "risk-known-bug-may-hurt-sales" }, $"/lists/{listId}?handler=Remove");
        var renamed = WebUtility.HtmlDecode(await cara.GetHtmlAsync($"/lists/{listId}"));
        Assert.Contains("<h1>Loop at company X</h1>", renamed, StringComparison.Ordinal);
        Assert.Contains("1 question", renamed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await cara.PostFormAsync($"/lists/{listId}", new(), $"/lists/{listId}?handler=Delete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cara.Http.GetAsync($"/lists/{listId}")).StatusCode);
        Assert.Equal(1, await cara.AttemptCountAsync()); // answers stay
    }

    [Fact]
    public async Task ListsBookmarksAndTheInterviewDateTravelInTheExportAndMergeOnImport()
    {
        using var source = new TpmPrepFactory();
        using var cara = await AppClient.RegisteredAsync(source, "cara@example.com");
        var day = DateOnly.FromDateTime(source.Clock.GetUtcNow().UtcDateTime).AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await cara.PostFormAsync("/account/profile", new() { ["Input.DisplayName"] = "Cara", ["Input.TimeZone"] = "UTC", ["Input.InterviewDate"] = day, ["Input.TargetLevel"] = "senior-tpm" });
        await cara.PostFormAsync("/questions", Bookmark("ms-critical-path-calculation", true), "/questions?handler=Bookmark");
        await cara.PostFormAsync("/questions", AddTo("risk-known-bug-may-hurt-sales", 0, "Weak on risk"), "/questions?handler=AddToList");
        await cara.PostFormAsync("/questions", AddTo("risk-portfolio-risk-appetite", 0, "Weak on risk"), "/questions?handler=AddToList"); // same name: a second list

        var exported = await cara.Http.GetByteArrayAsync("/account/data?handler=Json");
        using (var json = System.Text.Json.JsonDocument.Parse(exported))
        {
            var root = json.RootElement;
            Assert.Equal(4, root.GetProperty("version").GetInt32());
            Assert.Equal(day, root.GetProperty("profile").GetProperty("interviewDate").GetString());
            Assert.Equal("senior-tpm", root.GetProperty("profile").GetProperty("targetLevelId").GetString());
            var lists = root.GetProperty("lists").EnumerateArray().ToList();
            Assert.Equal(3, lists.Count);
            Assert.True(lists[0].GetProperty("bookmarks").GetBoolean());
            Assert.Equal(["ms-critical-path-calculation"], lists[0].GetProperty("questionIds").EnumerateArray().Select(e => e.GetString()));
            Assert.All(lists.Skip(1), l => Assert.Equal("Weak on risk", l.GetProperty("name").GetString()));
        }

        // Into another instance where the newcomer already has a list of that name with one of the questions.
        using var target = new TpmPrepFactory();
        using var newcomer = await AppClient.RegisteredAsync(target, "new@example.com");
        await newcomer.PostFormAsync("/questions", AddTo("risk-known-bug-may-hurt-sales", 0, "Weak on risk"), "/questions?handler=AddToList");
        var done = WebUtility.HtmlDecode(await TpmPrep.Web.Tests.Pages.Account.OwningYourData.ImportAndWaitAsync(newcomer, exported));
        Assert.Contains("Lists: 1 added, 2 joined to one of the same name.", done, StringComparison.Ordinal);
        var overview = WebUtility.HtmlDecode(await newcomer.GetHtmlAsync("/lists"));
        Assert.Contains("★ Bookmarks", overview, StringComparison.Ordinal);
        Assert.Equal(2, ListLinks().Count(overview));
        var merged = ListLinks().Matches(overview).Select(m => m.Groups[1].Value).Last();
        var list = WebUtility.HtmlDecode(await newcomer.GetHtmlAsync($"/lists/{merged}"));
        Assert.Equal(["risk-known-bug-may-hurt-sales", "risk-portfolio-risk-appetite"], ResultLinks().Matches(list).Select(m => m.Groups[1].Value));

        // Importing again adds no question twice.
        await TpmPrep.Web.Tests.Pages.Account.OwningYourData.ImportAndWaitAsync(newcomer, exported);
        Assert.Equal(2, ResultLinks().Count(WebUtility.HtmlDecode(await newcomer.GetHtmlAsync($"/lists/{merged}"))));
        Assert.Equal(["ms-critical-path-calculation"], ResultLinks().Matches(WebUtility.HtmlDecode(await newcomer.GetHtmlAsync("/questions?saved=true"))).Select(m => m.Groups[1].Value));
    }

    private static Dictionary<string, string> Bookmark(string questionId, bool on) => new()
    {
        ["questionId"] = questionId,
        ["on"] = on ? "true" : "false",
        ["returnUrl"] = "/questions/" + questionId,
    };

    private static Dictionary<string, string> AddTo(string questionId, int listId, string newList) => new()
    {
        ["questionId"] = questionId,
        ["listId"] = listId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["newList"] = newList,
        ["returnUrl"] = "/questions/" + questionId,
    };

    [GeneratedRegex("<a href=\"/questions/([a-z0-9-]+)\">")]
    private static partial Regex ResultLinks();

    [GeneratedRegex("<a href=\"/lists/([0-9]+)\">")]
    private static partial Regex ListLinks();
}
