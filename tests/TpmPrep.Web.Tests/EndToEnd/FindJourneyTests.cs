using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TpmPrep.Web.Tests.EndToEnd.PageObjects;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.EndToEnd;

/// <summary>
/// A candidate searches as they type, bookmarks a question, builds a list from the results and a question's page, and
/// starts a session from the list; on a desktop and on a phone, with axe on every page.
/// </summary>
[Collection(EndToEndTests.Name)]
public sealed partial class FindJourneyTests(BrowserFixture browser) : IDisposable
{
    private const string CriticalPath = "Find the critical path and the float in a small launch plan";

    private readonly LiveServer _server = new();

    [Fact]
    public async Task SearchBookmarkBuildAListAndPractiseIt()
    {
        foreach (var phone in new[] { false, true })
        {
            await using var context = await browser.Browser.NewContextAsync(phone ? PhoneLayout.Options : new());
            var page = await context.NewPageAsync();
            await new RegisterPage(page, _server.BaseUrl).RegisterAsync("Finn Finder", phone ? "finn-phone@example.com" : "finn@example.com", AppClient.Password);

            // Results follow the words as they are typed, and the address keeps up.
            await page.GotoAsync(_server.BaseUrl + "/questions");
            var count = page.Locator("#search-count");
            await Assertions.Expect(count).ToContainTextAsync("questions in the library");
            await page.GetByLabel("Words").PressSequentiallyAsync("critical path");
            await Assertions.Expect(count).ToContainTextAsync(Matches());
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/questions\?q=critical\+path$"));
            var results = page.Locator("#search-results");
            await Assertions.Expect(results.GetByRole(AriaRole.Link, new() { Name = CriticalPath })).ToBeVisibleAsync();
            await PhoneLayout.CheckAsync(page, phone);

            // A filter applies at once: the milestones bank keeps the question, the risk bank has none with both words.
            await page.GetByLabel("Bank").SelectOptionAsync(new SelectOptionValue { Label = "Risk management" });
            await Assertions.Expect(results.GetByRole(AriaRole.Link, new() { Name = CriticalPath })).ToHaveCountAsync(0);
            await page.GetByLabel("Bank").SelectOptionAsync(new SelectOptionValue { Label = "Milestones and schedules" });
            await Assertions.Expect(results.GetByRole(AriaRole.Link, new() { Name = CriticalPath })).ToBeVisibleAsync();

            // Bookmark it from the results; "Bookmarked only" then shows just that one.
            await results.GetByRole(AriaRole.Button, new() { Name = "Bookmark " + CriticalPath }).ClickAsync();
            await Assertions.Expect(page.GetByText("Bookmarked.")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Bookmarked: " + CriticalPath })).ToHaveAttributeAsync("aria-pressed", "true");
            await page.GetByLabel("Words").FillAsync(string.Empty);
            await page.GetByLabel("Bank").SelectOptionAsync(new SelectOptionValue { Label = "Every bank" });
            await page.GetByLabel("Bookmarked only").CheckAsync();
            await Assertions.Expect(count).ToHaveTextAsync("1 question matches.");
            await Assertions.Expect(results.GetByRole(AriaRole.Link, new() { Name = CriticalPath })).ToBeVisibleAsync();

            // A list, then questions added to it from the results and from a question's page.
            await page.GotoAsync(_server.BaseUrl + "/lists");
            await PhoneLayout.CheckAsync(page, phone);
            await page.GetByLabel("Name").FillAsync("Weak on risk");
            await page.GetByRole(AriaRole.Button, new() { Name = "Make the list" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Weak on risk", Level = 1 })).ToBeVisibleAsync();
            var listUrl = page.Url;

            await page.GotoAsync(_server.BaseUrl + "/questions?bank=risk-management");
            var first = page.Locator("#search-results > ul > li").First;
            var firstTitle = await first.GetByRole(AriaRole.Link).First.InnerTextAsync();
            await first.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByText("Added to the list.")).ToBeVisibleAsync();

            await page.GotoAsync(_server.BaseUrl + "/questions/ms-critical-path-calculation");
            await page.GetByLabel("Add to list").SelectOptionAsync(new SelectOptionValue { Label = "Weak on risk" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByText("Added to the list.")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("In your lists:")).ToBeVisibleAsync();
            await PhoneLayout.CheckAsync(page, phone);

            // The list holds both; a practice session starts from it.
            await page.GotoAsync(listUrl);
            await Assertions.Expect(page.GetByText("2 questions", new() { Exact = false }).First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = firstTitle })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = CriticalPath })).ToBeVisibleAsync();
            await PhoneLayout.CheckAsync(page, phone);
            await page.GetByLabel("Questions").FillAsync("2");
            await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" })).ToContainTextAsync("From the list “Weak on risk”");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit and grade" })).ToBeVisibleAsync();
        }
    }

    [GeneratedRegex(@"^\d+ questions? match(es)?\.$")]
    private static partial Regex Matches();

    public void Dispose() => _server.Dispose();
}
