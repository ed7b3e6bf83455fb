using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TpmPrep.Web.Tests.EndToEnd.PageObjects;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.EndToEnd;

/// <summary>A question written in the app goes the whole way a bank question goes: answered, graded on its own scale, reviewed in a session, exported and imported.</summary>
[Collection(EndToEndTests.Name)]
public sealed partial class WrittenQuestionJourneyTests(BrowserFixture browser) : IDisposable
{
    private const string Title = "Tell me about a vendor who missed a date";

    private readonly LiveServer _server = new();

    private static string Markdown(string skills) => $"""
        ---
        title: {Title}
        skills: [{skills}]
        level: senior-tpm
        kind: behavioural
        minutes: 10
        ---

        ## Prompt

        A vendor you depended on missed a **contract date**. What did you do?

        ## What a strong answer covers

        - How early the slip was seen, and how.
        - What changed in the plan and the contract.

        ## Rubric

        ### Detection
        1. Found out on the day.
        2. Found out late, by chance.
        3. Saw it coming from agreed signals.
        4. Saw it coming and had a fallback ready.
        5. Built the signals into the contract from the start.

        ### Recovery
        1. Waited.
        2. Escalated without a plan.
        3. Re-planned with the vendor.
        4. Re-planned and protected the launch.
        5. Re-planned, protected the launch and changed how vendors are managed.

        ## Follow-ups

        - What would you put in the next contract?
        """;

    [Fact]
    public async Task AWrittenQuestionIsAnsweredGradedReviewedExportedAndImported()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await new RegisterPage(page, _server.BaseUrl).RegisterAsync("Wren Writer", "wren@example.com", AppClient.Password);

        // Written with a mistake first: the parser's message names the line, beside the field, and the text is kept.
        await page.GetByRole(AriaRole.Link, new() { Name = "Write your own questions" }).ClickAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Write a question" }).ClickAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Question in Markdown" });
        await editor.FillAsync(Markdown("vendor-wrangling"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Problems in the question" })).ToContainTextAsync("question:3: unknown skill area 'vendor-wrangling'");
        await Assertions.Expect(editor).ToHaveValueAsync(new Regex("vendor-wrangling"));
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await editor.FillAsync(Markdown("project-management, communication"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickAsync();

        // Answered and graded like a bank question, on its own five-level scale.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("contract date")).ToBeVisibleAsync();
        var questionUrl = page.Url;
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        var question = new QuestionPage(page);
        await question.TypeAnswerAsync("The weekly burn-down showed the slip six weeks out; we moved the launch gate and added a penalty clause.");
        await question.SubmitAsync();
        var grade = new GradePage(page);
        Assert.Equal(2, await grade.Criteria.CountAsync());
        await Assertions.Expect(grade.Criteria.Nth(0).GetByRole(AriaRole.Radio)).ToHaveCountAsync(5);
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await grade.GradeAsync(0, 5);
        await grade.GradeAsync(1, 4);
        await grade.SaveAsync();
        // 5 and 4 of 5 average 4.5 of 5: the same point as 3.625 on the four-point scale that lists and charts share.
        await Assertions.Expect(page.GetByText("Average")).ToContainTextAsync("3.6 of 4 (scores out of 5");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Detection" })).ToContainTextAsync("5");

        // Due again: a review session brings it back.
        _server.Clock.Advance(TimeSpan.FromDays(2));
        await page.GotoAsync(_server.BaseUrl + "/practice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Review the due questions" }).ClickAsync();
        var practice = new PracticePage(page, _server.BaseUrl);
        await Assertions.Expect(practice.QuestionTitle).ToHaveTextAsync(Title);
        await practice.AnswerBox.FillAsync("Second go: signals in the contract, a fallback vendor warmed up.");
        await practice.SubmitAsync();
        await grade.GradeAsync(0, 5);
        await grade.GradeAsync(1, 5);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save grades and continue" }).ClickAsync();
        var summaryRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = Title });
        await Assertions.Expect(summaryRow).ToContainTextAsync("4.0");

        // Exported with the question's text, and imported into another account, where it is that person's own.
        await page.GotoAsync(_server.BaseUrl + "/account/data");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download JSON" }).ClickAsync());
        var file = Path.Combine(_server.Root, "export.json");
        await download.SaveAsAsync(file);
        Assert.Contains("vendor you depended on missed", await File.ReadAllTextAsync(file), StringComparison.Ordinal);

        await using var otherContext = await browser.Browser.NewContextAsync();
        var other = await otherContext.NewPageAsync();
        await new RegisterPage(other, _server.BaseUrl).RegisterAsync("Ivo Importer", "ivo@example.com", AppClient.Password);
        Assert.Equal(404, (await other.GotoAsync(questionUrl))!.Status);
        await other.GotoAsync(_server.BaseUrl + "/account/data");
        await other.GetByLabel(new Regex("^Export file")).SetInputFilesAsync(file);
        await other.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        var imported = other.GetByRole(AriaRole.Status).Filter(new() { HasText = "Imported" });
        await Assertions.Expect(imported).ToContainTextAsync("Imported 2 attempts", new() { Timeout = 60_000 });
        await Assertions.Expect(imported).ToContainTextAsync("1 question written in the app");
        await other.AssertNoSeriousAccessibilityViolationsAsync();

        await other.GotoAsync(_server.BaseUrl + "/my-questions");
        await other.AssertNoSeriousAccessibilityViolationsAsync();
        await other.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        Assert.NotEqual(questionUrl, other.Url);
        await Assertions.Expect(other.GetByText("contract date")).ToBeVisibleAsync();
        await other.GotoAsync(_server.BaseUrl + "/attempts");
        await Assertions.Expect(other.GetByRole(AriaRole.Row).Filter(new() { HasText = Title })).ToHaveCountAsync(2);
        await other.GetByRole(AriaRole.Row).Filter(new() { HasText = Title }).Filter(new() { HasText = "4.0" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(other.GetByRole(AriaRole.Link, new() { Name = "Change grades" })).ToBeVisibleAsync();
        await other.GetByRole(AriaRole.Link, new() { Name = "Change grades" }).ClickAsync();
        await Assertions.Expect(new GradePage(other).Criteria.Nth(1).GetByRole(AriaRole.Radio)).ToHaveCountAsync(5);
    }

    public void Dispose() => _server.Dispose();
}
