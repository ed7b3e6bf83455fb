using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TpmPrep.Web.Tests.EndToEnd.PageObjects;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.EndToEnd;

[Collection(EndToEndTests.Name)]
public sealed partial class PractiseJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServer _server = new();

    [Fact]
    public async Task NewCandidateAnswersGradesAndFindsTheAttemptWhichNobodyElseCanOpen()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        foreach (var path in new[] { "/", "/account/login" })
        {
            await page.GotoAsync(_server.BaseUrl + path);
            await page.AssertNoSeriousAccessibilityViolationsAsync();
        }

        var register = new RegisterPage(page, _server.BaseUrl);
        await register.OpenAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await register.CompleteAsync("Ada Candidate", "ada@example.com", AppClient.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question banks", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "System design for TPMs" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "System design for TPMs", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Update 10,000+ servers without customers noticing" }).ClickAsync();
        var question = new QuestionPage(page);
        await Assertions.Expect(question.Timer).ToContainTextAsync("Time left");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await question.TypeAnswerAsync("Canary first, then waves of 1%, 5%, 25% and 100% behind health gates.");
        await question.SubmitAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Grade your answer" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("What a strong answer covers")).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        var grade = new GradePage(page);
        Assert.Equal(3, await grade.Criteria.CountAsync());
        await grade.GradeAsync(0, 3);
        await grade.GradeAsync(1, 2);
        await grade.GradeAsync(2, 4);
        await grade.SaveAsync();
        await Assertions.Expect(new AttemptPage(page).Average).ToHaveTextAsync("3.0");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        var attemptUrl = page.Url;

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "My attempts" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Update 10,000+ servers without customers noticing" });
        await Assertions.Expect(row).ToContainTextAsync(JustNow());
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("3.0 / 4");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByText("Canary first, then waves")).ToBeVisibleAsync();
        Assert.Equal(attemptUrl, page.Url);

        await using var otherContext = await browser.NewContextAsync();
        var other = await otherContext.NewPageAsync();
        await new RegisterPage(other, _server.BaseUrl).RegisterAsync("Bob Other", "bob@example.com", AppClient.Password);
        var response = await other.GotoAsync(attemptUrl);
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByText("Canary first")).ToHaveCountAsync(0);
        await other.AssertNoSeriousAccessibilityViolationsAsync();
    }

    [Fact]
    public async Task ADraftAnswerSurvivesARefreshAndIsClearedOnceSubmitted()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await new RegisterPage(page, _server.BaseUrl).RegisterAsync("Dee Draft", "dee@example.com", AppClient.Password);

        await page.GotoAsync(_server.BaseUrl + "/questions/sd-fleet-update-10000-servers");
        var question = new QuestionPage(page);
        await question.AnswerBox.PressSequentiallyAsync("Half-written thought about canaries");
        await Assertions.Expect(page.GetByText("Draft saved in this browser.")).ToBeVisibleAsync();
        await page.ReloadAsync();

        await Assertions.Expect(question.AnswerBox).ToHaveValueAsync("Half-written thought about canaries");
        await Assertions.Expect(page.GetByText("Draft restored from this browser.")).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await question.SubmitAsync();
        await Assertions.Expect(page).ToHaveURLAsync(GradeUrl());
        await page.GotoAsync(_server.BaseUrl + "/questions/sd-fleet-update-10000-servers");
        await Assertions.Expect(question.AnswerBox).ToHaveValueAsync(string.Empty);
    }

    [Fact]
    public async Task TheJourneyWorksWithTheKeyboardAlone()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await new RegisterPage(page, _server.BaseUrl).RegisterAsync("Kay Keys", "kay@example.com", AppClient.Password);
        await page.GotoAsync(_server.BaseUrl + "/questions/sd-fleet-update-10000-servers");

        await new QuestionPage(page).AnswerBox.FocusAsync();
        await page.Keyboard.TypeAsync("Typed without a mouse.");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Preview" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Preview" })).ToContainTextAsync("Typed without a mouse.");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Preview" })).ToBeFocusedAsync();
        // The spoken answer comes next: attach a file, or record.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Or answer aloud")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "● Record" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit and grade" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(GradeUrl());

        // In each group Tab lands on the first radio and the arrow keys move the choice.
        await page.GetByRole(AriaRole.Group).First.GetByRole(AriaRole.Radio).First.FocusAsync();
        for (var criterion = 0; criterion < 3; criterion++)
        {
            await page.Keyboard.PressAsync("Space");
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Notes to self" })).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Name the rollback owner.");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save grades" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(new AttemptPage(page).Average).ToHaveTextAsync("2.0");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Notes to self" })).ToContainTextAsync("Name the rollback owner.");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    }

    /// <summary>Every page of the journeys above, on a phone: none scrolls sideways and each passes the accessibility check.</summary>
    [Fact]
    public async Task PagesFitAPhoneScreen()
    {
        await using var context = await browser.NewContextAsync(PhoneLayout.Options);
        var page = await context.NewPageAsync();

        // A question with a wide table in its prompt: the table scrolls inside its card, the page does not.
        foreach (var path in new[] { "/", "/banks", "/banks/system-design", "/questions/sd-fleet-update-10000-servers", "/questions/biz-rice-and-wsjf-disagree", "/account/login", "/account/register" })
        {
            await page.GotoAsync(_server.BaseUrl + path);
            await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
        }

        await new RegisterPage(page, _server.BaseUrl).CompleteAsync("Pat Phone", "pat-phone@example.com", AppClient.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question banks", Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync(_server.BaseUrl + "/questions/sd-fleet-update-10000-servers");
        var question = new QuestionPage(page);
        await Assertions.Expect(question.Timer).ToContainTextAsync("Time left");
        await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
        await question.TypeAnswerAsync("Canary first.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).TapAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Preview" })).ToContainTextAsync("Canary first.");
        await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and grade" }).TapAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Grade your answer" })).ToBeVisibleAsync();
        await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
        var grade = new GradePage(page);
        for (var criterion = 0; criterion < await grade.Criteria.CountAsync(); criterion++)
        {
            await grade.Criteria.Nth(criterion).GetByRole(AriaRole.Radio).Nth(2).TapAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save grades" }).TapAsync();
        await Assertions.Expect(new AttemptPage(page).Average).ToHaveTextAsync("3.0");
        await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);

        await page.GotoAsync(_server.BaseUrl + "/attempts");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Update 10,000+ servers without customers noticing" })).ToBeVisibleAsync();
        await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
        Assert.Equal(404, (await page.GotoAsync(_server.BaseUrl + "/attempts/999999"))!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
    }

    public void Dispose() => _server.Dispose();

    /// <summary>Humanizer's wording for a moment ago, whichever side of a second boundary the page lands on.</summary>
    [GeneratedRegex(@"\bnow\b|\bone second ago\b|\b\d+ seconds ago\b")]
    private static partial Regex JustNow();

    [GeneratedRegex(@"/attempts/\d+/grade$")]
    private static partial Regex GradeUrl();
}
