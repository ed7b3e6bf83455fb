using Microsoft.Playwright;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Tests.EndToEnd.PageObjects;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.EndToEnd;

[Collection(EndToEndTests.Name)]
public sealed class MockInterviewJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServer _server = new();

    [Fact]
    public async Task TimedMockInterviewKeepsDraftsLocksOnTimeAndFeedsTheDashboardAndReviewQueue()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.Clock.InstallAsync();
        await new RegisterPage(page, _server.BaseUrl).RegisterAsync("Mo Mock", "mo@example.com", AppClient.Password);
        var practice = new PracticePage(page, _server.BaseUrl);
        var grade = new GradePage(page);
        await page.GotoAsync(_server.BaseUrl + "/practice");
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await practice.StartMockInterviewAsync(questions: 3, bank: "Risk management");
        await Assertions.Expect(page.GetByText("Question 1 of 3")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Timer, new() { Name = "Time left for the interview" })).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        var firstTitle = await practice.QuestionTitle.TextContentAsync();

        // Question 1: a refresh in the middle of typing loses nothing.
        await practice.AnswerBox.PressSequentiallyAsync("Start with a risk workshop");
        await page.Clock.RunForAsync(2000);
        await Assertions.Expect(page.GetByText("Draft saved.")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(practice.AnswerBox).ToHaveValueAsync("Start with a risk workshop");
        await practice.AnswerBox.PressSequentiallyAsync(", then a register with owners.");
        await practice.SubmitAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Grade your answer" })).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await GradeAllAsync(page, grade, 2);

        // Question 2: when its time runs out the answer locks, until the candidate chooses to go on.
        await Assertions.Expect(page.GetByText("Question 2 of 3")).ToBeVisibleAsync();
        var secondTitle = await practice.QuestionTitle.TextContentAsync();
        await practice.AnswerBox.FillAsync("Quantify likelihood and impact");
        await page.Clock.FastForwardAsync("02:00:00");
        await Assertions.Expect(practice.TimeUp).ToBeVisibleAsync();
        await Assertions.Expect(practice.AnswerBox).Not.ToBeEditableAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await practice.KeepGoingAsync();
        await Assertions.Expect(practice.AnswerBox).ToBeEditableAsync();
        await practice.AnswerBox.PressSequentiallyAsync(" and agree the response.");
        await practice.SubmitAsync();
        await GradeAllAsync(page, grade, 3);

        // Question 3, then the summary.
        await Assertions.Expect(page.GetByText("Question 3 of 3")).ToBeVisibleAsync();
        var thirdTitle = await practice.QuestionTitle.TextContentAsync();
        await practice.AnswerBox.FillAsync("Escalate with options and a date.");
        await practice.SubmitAsync();
        await GradeAllAsync(page, grade, 4);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mock interview summary" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("3 / 3")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("went into overtime")).ToHaveTextAsync("1 went into overtime");
        await Assertions.Expect(page.GetByText("average score (of 4)")).ToHaveTextAsync("3.0 average score (of 4)");
        // Only the second question went on past its time; each row has the score its answer was given.
        foreach (var (title, score, overtime) in new[] { (firstTitle!, "2.0", false), (secondTitle!, "3.0", true), (thirdTitle!, "4.0", false) })
        {
            var row = SummaryRow(page, title);
            await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync(score);
            var time = Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(2));
            await (overtime ? time.ToContainTextAsync("· overtime") : time.Not.ToContainTextAsync("overtime"));
        }

        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // The dashboard has moved.
        await page.GetByRole(AriaRole.Link, new() { Name = "See your progress" }).ClickAsync();
        await Assertions.Expect(page.GetByText("3 attempts", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Practice activity over the last year" })).ToBeVisibleAsync();
        var bank = _server.Services.GetRequiredService<CatalogueProvider>().Current.FindBank("risk-management")!;
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = $"{bank.Title}: 3 of {bank.Questions.Count} practised" })).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        if (Environment.GetEnvironmentVariable("TPMPREP_SCREENSHOT_DIR") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "progress.png"), FullPage = true });
        }

        // Nothing is due today; tomorrow the questions come back, the weakest answer among them.
        await page.GotoAsync(_server.BaseUrl + "/review");
        await Assertions.Expect(page.GetByText("Nothing is due today.")).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        _server.Clock.Advance(TimeSpan.FromDays(1));
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = firstTitle!, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Answer all 3 questions in full, in a session" })).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // The account pages the phone test visits too.
        foreach (var path in new[] { "/account/profile", "/account/data" })
        {
            await page.GotoAsync(_server.BaseUrl + path);
            await page.AssertNoSeriousAccessibilityViolationsAsync();
        }
    }

    [Fact]
    public async Task PracticeReviewAndProgressFitAPhoneScreen()
    {
        await using var context = await browser.NewContextAsync(PhoneLayout.Options);
        var page = await context.NewPageAsync();
        await new RegisterPage(page, _server.BaseUrl).RegisterAsync("Pia Phone", "pia@example.com", AppClient.Password);

        foreach (var path in new[] { "/practice", "/review", "/progress", "/account/profile", "/account/data" })
        {
            await page.GotoAsync(_server.BaseUrl + path);
            await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
        }

        var practice = new PracticePage(page, _server.BaseUrl);
        var grade = new GradePage(page);
        await practice.StartMockInterviewAsync(questions: 2, bank: "Technical depth");
        for (var question = 1; question <= 2; question++)
        {
            await Assertions.Expect(page.GetByText($"Question {question} of 2")).ToBeVisibleAsync();
            await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
            await practice.AnswerBox.FillAsync("Measure first, then decide.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit and grade" }).TapAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Grade your answer" })).ToBeVisibleAsync();
            await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
            await GradeAllAsync(page, grade, 3);
        }

        // The summary, and the dashboard and review queue it feeds.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mock interview summary" })).ToBeVisibleAsync();
        await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
        await page.GotoAsync(_server.BaseUrl + "/progress");
        await Assertions.Expect(page.GetByText("2 attempts", new() { Exact = true })).ToBeVisibleAsync();
        await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
        _server.Clock.Advance(TimeSpan.FromDays(1));
        await page.GotoAsync(_server.BaseUrl + "/review");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Answer all 2 questions in full, in a session" })).ToBeVisibleAsync();
        await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
    }

    public void Dispose() => _server.Dispose();

    /// <summary>The summary's row for the question of that title.</summary>
    private static ILocator SummaryRow(IPage page, string title) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });

    private static async Task GradeAllAsync(IPage page, GradePage grade, int score)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Grade your answer" })).ToBeVisibleAsync();
        var count = await grade.Criteria.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await grade.GradeAsync(i, score);
        }

        await grade.SaveAsync();
    }
}
