using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TpmPrep.Web.Tests.EndToEnd.PageObjects;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.EndToEnd;

/// <summary>
/// A candidate answers and grades a question, reads its model answer, and two days later, when it is due, reviews it
/// quickly: an outline, the points revealed, the covered ones ticked, and the schedule moves. Desktop and phone, with axe.
/// </summary>
[Collection(EndToEndTests.Name)]
public sealed partial class QuickReviewJourneyTests(BrowserFixture browser) : IDisposable
{
    private const string QuestionId = "risk-known-bug-may-hurt-sales";

    private readonly LiveServer _server = new();

    [Fact]
    public async Task GradeReadTheModelAnswerThenReviewQuickly()
    {
        foreach (var phone in new[] { false, true })
        {
            await using var context = await browser.Browser.NewContextAsync(phone ? PhoneLayout.Options : new());
            var page = await context.NewPageAsync();
            await new RegisterPage(page, _server.BaseUrl).RegisterAsync("Quinn Quick", phone ? "quinn-phone@example.com" : "quinn@example.com", AppClient.Password);

            // Answer and grade weakly; the model answer appears once graded.
            await page.GotoAsync(_server.BaseUrl + "/questions/" + QuestionId);
            var question = new QuestionPage(page);
            await question.TypeAnswerAsync("I would ship and fix it later.");
            await question.SubmitAsync();
            var grade = new GradePage(page);
            await Assertions.Expect(grade.Criteria.First).ToBeVisibleAsync();
            var criteria = await grade.Criteria.CountAsync();
            for (var i = 0; i < criteria; i++)
            {
                await grade.GradeAsync(i, 1);
            }

            await grade.SaveAsync();
            var model = page.GetByRole(AriaRole.Region, new() { Name = "A model answer" });
            await Assertions.Expect(model).ToBeVisibleAsync();
            await Assertions.Expect(model).ToContainTextAsync(WordsRegex());
            await PhoneLayout.CheckAsync(page, phone);

            // A follow-up, answered as a short attempt linked to the question.
            var attemptUrl = page.Url;
            await page.GetByRole(AriaRole.Link, new() { Name = "Answer it (follow-up 1)" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Follow-up", Level = 1 })).ToBeVisibleAsync();
            await PhoneLayout.CheckAsync(page, phone);
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Answer" }).FillAsync("I would name the three accounts at risk and ask sales.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit the follow-up" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Follow-up answered.")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Follow-up 1" })).ToBeVisibleAsync();
            await PhoneLayout.CheckAsync(page, phone);
            await page.GotoAsync(attemptUrl);
            await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Follow-ups" })).ToContainTextAsync("answered");

            // Two days on, it is due: the queue offers a quick review.
            _server.Clock.Advance(TimeSpan.FromDays(2));
            await page.GotoAsync(_server.BaseUrl + "/review");
            await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Today" })).ToContainTextAsync("Your cap is 20 a day");
            await PhoneLayout.CheckAsync(page, phone);
            await page.GetByRole(AriaRole.Link, new() { Name = "Start quick reviews" }).ClickAsync();
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Outline", Exact = true }).FillAsync("Size who is hit and how badly; options: fix, delay, ship with a workaround; recommend; tell sales.");
            await PhoneLayout.CheckAsync(page, phone);
            await page.GetByRole(AriaRole.Button, new() { Name = "Reveal the points" }).ClickAsync();

            var points = page.GetByRole(AriaRole.Group, new() { Name = "What a strong answer covers" }).GetByRole(AriaRole.Checkbox);
            await Assertions.Expect(points.First).ToBeVisibleAsync();
            var total = await points.CountAsync();
            await points.Nth(0).CheckAsync();
            await points.Nth(1).CheckAsync();
            await PhoneLayout.CheckAsync(page, phone);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and schedule" }).ClickAsync();

            await Assertions.Expect(page.GetByText($"Covered 2 of {total} points: next review in")).ToBeVisibleAsync();
            // It was the only one due: it has moved out of today's queue.
            await Assertions.Expect(page.GetByText("Nothing is due today.")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Quick review: Ship a release that sales needs while it carries a known bug" })).ToHaveCountAsync(0);
            await PhoneLayout.CheckAsync(page, phone);
        }
    }

    [GeneratedRegex(@"(\w+\W+){150}")]
    private static partial Regex WordsRegex();

    public void Dispose() => _server.Dispose();
}
