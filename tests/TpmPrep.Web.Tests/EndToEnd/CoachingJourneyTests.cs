using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TpmPrep.Web.Tests.EndToEnd.PageObjects;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.EndToEnd;

/// <summary>
/// A candidate invites a coach with the summary and attempts scopes; the coach accepts the code, finds the candidate in
/// the cohort, comments on an answer pinned to a criterion and grades it; the candidate replies; the coach builds a
/// question set and assigns it; the candidate completes it; the coach prints the report; the candidate sees what was
/// opened, then revokes, and the coach's next request is refused.
/// </summary>
[Collection(EndToEndTests.Name)]
public sealed partial class CoachingJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServer _server = new();

    [Fact]
    public async Task ACandidateInvitesACoachWhoSeesOnlyWhatIsSharedUntilRevoked()
    {
        await using var candidateContext = await browser.Browser.NewContextAsync();
        await using var coachContext = await browser.Browser.NewContextAsync();
        var candidate = await candidateContext.NewPageAsync();
        var coach = await coachContext.NewPageAsync();
        await new RegisterPage(candidate, _server.BaseUrl).RegisterAsync("Cara Candidate", "cara@example.com", AppClient.Password);
        await new RegisterPage(coach, _server.BaseUrl).RegisterAsync("Coby Coach", "coby@example.com", AppClient.Password, "Coach");

        // The candidate answers a question, then invites a coach with two of the three scopes.
        await candidate.GotoAsync(_server.BaseUrl + "/questions/sd-fleet-update-10000-servers");
        var question = new QuestionPage(candidate);
        await question.TypeAnswerAsync("Waves of 1% behind health gates: cara-answer-text.");
        await question.SubmitAsync();
        await Assertions.Expect(candidate.GetByRole(AriaRole.Button, new() { Name = "Save grades" })).ToBeVisibleAsync();
        await candidate.GetByRole(AriaRole.Link, new() { Name = "My coaches" }).ClickAsync();
        var invite = candidate.GetByRole(AriaRole.Region, new() { Name = "Invite a coach" });
        await Assertions.Expect(invite.GetByRole(AriaRole.Checkbox, new() { Name = "Summary" })).ToBeCheckedAsync();
        await Assertions.Expect(invite.GetByRole(AriaRole.Checkbox, new() { Name = "Attempts" })).Not.ToBeCheckedAsync();
        await invite.GetByRole(AriaRole.Checkbox, new() { Name = "Attempts" }).CheckAsync();
        await invite.GetByLabel("Your coach's e-mail (optional)").FillAsync("coby@example.com");
        await invite.GetByRole(AriaRole.Button, new() { Name = "Make an invitation" }).ClickAsync();
        var codeText = await candidate.GetByRole(AriaRole.Region, new() { Name = "Your invitation" }).Locator(".code").InnerTextAsync();
        var code = CodePattern().Match(codeText).Value;
        Assert.NotEmpty(code);
        await candidate.AssertNoSeriousAccessibilityViolationsAsync();

        // The coach enters the code, sees what it shares, and accepts.
        await coach.GetByRole(AriaRole.Link, new() { Name = "My candidates" }).ClickAsync();
        await Assertions.Expect(coach.GetByText("No candidate has invited you yet")).ToBeVisibleAsync();
        await coach.GetByLabel("Code", new() { Exact = true }).FillAsync(code.ToLowerInvariant());
        await coach.GetByRole(AriaRole.Button, new() { Name = "Check the code" }).ClickAsync();
        await Assertions.Expect(coach.GetByRole(AriaRole.Heading, new() { Name = "Cara Candidate invites you to coach them" })).ToBeVisibleAsync();
        await Assertions.Expect(coach.GetByText("summary, attempts and grades")).ToBeVisibleAsync();
        await coach.GetByRole(AriaRole.Button, new() { Name = "Accept and start coaching" }).ClickAsync();
        await Assertions.Expect(coach.GetByText("Invitation accepted")).ToBeVisibleAsync();
        var candidatePageUrl = coach.Url;

        // The cohort view lists the candidate with a trend; the coach reads the answer.
        await coach.GetByRole(AriaRole.Link, new() { Name = "My candidates" }).ClickAsync();
        var row = coach.GetByRole(AriaRole.Row).Filter(new() { HasText = "Cara Candidate" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("svg.sparkline")).ToBeVisibleAsync();
        await coach.AssertNoSeriousAccessibilityViolationsAsync();
        if (Environment.GetEnvironmentVariable("TPMPREP_SCREENSHOT_DIR") is { Length: > 0 } folder)
        {
            await coach.ScreenshotAsync(new() { Path = Path.Combine(folder, "cohort.png"), FullPage = true });
        }

        await row.GetByRole(AriaRole.Link, new() { Name = "Cara Candidate" }).ClickAsync();
        await Assertions.Expect(coach.GetByText("day current streak").First).ToBeVisibleAsync();
        await coach.GetByRole(AriaRole.Link, new() { Name = "Attempts", Exact = true }).ClickAsync();
        await coach.GetByRole(AriaRole.Link, new() { Name = "Update 10,000+ servers without customers noticing" }).ClickAsync();
        await Assertions.Expect(coach.GetByText("cara-answer-text")).ToBeVisibleAsync();
        await coach.AssertNoSeriousAccessibilityViolationsAsync();
        var attemptUrl = coach.Url;

        // The coach comments on one rubric criterion, then grades the answer on the rubric.
        var about = coach.GetByLabel("About");
        await about.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var criterion = (await about.Locator("option:checked").InnerTextAsync()).Trim();
        await coach.GetByLabel("Comment", new() { Exact = false }).Last.FillAsync("Say **who** triggers the rollback: coby-comment-text.");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
        await Assertions.Expect(coach.GetByText("Comment added.")).ToBeVisibleAsync();
        await Assertions.Expect(coach.GetByRole(AriaRole.Heading, new() { Name = $"On \u201c{criterion}\u201d" })).ToBeVisibleAsync();
        await coach.GetByRole(AriaRole.Link, new() { Name = "Grade on the rubric" }).ClickAsync();
        var threes = coach.Locator("input[type=radio][value='3']");
        for (var i = 0; i < await threes.CountAsync(); i++)
        {
            await threes.Nth(i).CheckAsync();
        }

        await coach.GetByRole(AriaRole.Button, new() { Name = "Save your grade" }).ClickAsync();
        await Assertions.Expect(coach.GetByText("Your grade is saved")).ToBeVisibleAsync();

        // The candidate sees the new comment and both grades, and replies.
        await candidate.GotoAsync(_server.BaseUrl + "/attempts");
        await Assertions.Expect(candidate.GetByText("1 new comment")).ToBeVisibleAsync();
        await candidate.GetByRole(AriaRole.Link, new() { Name = "Update 10,000+ servers without customers noticing" }).ClickAsync();
        var thread = candidate.GetByRole(AriaRole.Article, new() { Name = $"On \u201c{criterion}\u201d" });
        await Assertions.Expect(thread).ToContainTextAsync("coby-comment-text");
        await Assertions.Expect(thread.Locator("strong", new() { HasText = "who" })).ToBeVisibleAsync();
        await Assertions.Expect(candidate.GetByRole(AriaRole.Columnheader, new() { Name = "Coby Coach (coach)" })).ToBeVisibleAsync();
        await candidate.AssertNoSeriousAccessibilityViolationsAsync();
        await thread.GetByLabel("Reply").FillAsync("The on-call lead does: cara-reply-text.");
        await thread.GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        await Assertions.Expect(candidate.GetByText("Reply sent.")).ToBeVisibleAsync();

        // The coach sees the reply marked new.
        await coach.GotoAsync(attemptUrl);
        var coachThread = coach.GetByRole(AriaRole.Article, new() { Name = $"On \u201c{criterion}\u201d" });
        await Assertions.Expect(coachThread).ToContainTextAsync("cara-reply-text");
        await Assertions.Expect(coachThread.Locator(".tag.primary", new() { HasText = "new" }).First).ToBeVisibleAsync();

        // The coach builds a question set and assigns it, due in three days.
        var catalogue = _server.Services.GetRequiredService<TpmPrep.Web.Catalogue.CatalogueProvider>().Current;
        var setQuestions = catalogue.Banks.SelectMany(b => b.Questions).Where(q => q.Skills.Contains("communication")).Take(2).ToList();
        await coach.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Question sets" }).ClickAsync();
        await coach.GetByRole(AriaRole.Link, new() { Name = "New kit" }).ClickAsync();
        await coach.GetByLabel("Title").FillAsync("Warm-up for Cara");
        await coach.GetByRole(AriaRole.Checkbox, new() { Name = "Communication" }).CheckAsync();
        await coach.GetByRole(AriaRole.Button, new() { Name = "Create kit" }).ClickAsync();
        foreach (var q in setQuestions)
        {
            await coach.GetByLabel("Words of the title").FillAsync(q.Title);
            await coach.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
            await coach.GetByRole(AriaRole.Button, new() { Name = $"Add \u201c{q.Title}\u201d to the kit" }).ClickAsync();
            await Assertions.Expect(coach.GetByRole(AriaRole.Status).Filter(new() { HasText = "Question added." })).ToBeVisibleAsync();
        }

        await coach.GotoAsync(candidatePageUrl);
        var assign = coach.GetByRole(AriaRole.Region, new() { Name = "Assignments" });
        await assign.GetByLabel("Title").FillAsync("Warm-up before Friday");
        await assign.GetByLabel("Question set").SelectOptionAsync(new SelectOptionValue { Label = "Set: Warm-up for Cara" });
        await assign.GetByRole(AriaRole.Radio, new() { Name = "a practice session" }).CheckAsync();
        await assign.GetByLabel("Due").FillAsync(DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await coach.AssertNoSeriousAccessibilityViolationsAsync();
        await assign.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Assertions.Expect(coach.GetByText("Assigned \u201cWarm-up before Friday\u201d")).ToBeVisibleAsync();
        var assignedRow = coach.GetByRole(AriaRole.Row).Filter(new() { HasText = "Warm-up before Friday" });
        await Assertions.Expect(assignedRow).ToContainTextAsync("not started");

        // The candidate finds it on the dashboard, starts it, and answers both questions.
        await candidate.GotoAsync(_server.BaseUrl + "/progress");
        var assigned = candidate.GetByRole(AriaRole.Region, new() { Name = "Assigned by your coach" });
        await Assertions.Expect(assigned).ToContainTextAsync("Warm-up before Friday");
        await Assertions.Expect(assigned).ToContainTextAsync("not started");
        await candidate.AssertNoSeriousAccessibilityViolationsAsync();
        await assigned.GetByRole(AriaRole.Button, new() { Name = "Start \u201cWarm-up before Friday\u201d" }).ClickAsync();
        var practice = new PracticePage(candidate, _server.BaseUrl);
        var grade = new GradePage(candidate);
        for (var n = 1; n <= setQuestions.Count; n++)
        {
            await Assertions.Expect(candidate.GetByText($"Question {n} of {setQuestions.Count}")).ToBeVisibleAsync();
            await Assertions.Expect(practice.QuestionTitle).ToHaveTextAsync(setQuestions[n - 1].Title);
            await practice.AnswerBox.FillAsync($"Assigned answer number {n}.");
            await practice.SubmitAsync();
            await Assertions.Expect(candidate.GetByRole(AriaRole.Heading, new() { Name = "Grade your answer" })).ToBeVisibleAsync();
            for (var c = 0; c < await grade.Criteria.CountAsync(); c++)
            {
                await grade.GradeAsync(c, 3);
            }

            await grade.SaveAsync();
        }

        await candidate.GotoAsync(_server.BaseUrl + "/practice");
        var done = candidate.GetByRole(AriaRole.Region, new() { Name = "Assigned by your coach" });
        await Assertions.Expect(done).ToContainTextAsync("done");
        await Assertions.Expect(done).ToContainTextAsync("2 of 2 answered");

        // The coach sees it done, and prints the report.
        await coach.GotoAsync(candidatePageUrl);
        await Assertions.Expect(assignedRow).ToContainTextAsync("done");
        await coach.GetByRole(AriaRole.Link, new() { Name = "Progress report (print)" }).ClickAsync();
        await Assertions.Expect(coach.GetByRole(AriaRole.Heading, new() { Name = "Progress report: Cara Candidate" })).ToBeVisibleAsync();
        await Assertions.Expect(coach.GetByRole(AriaRole.Row).Filter(new() { HasText = "Warm-up before Friday" })).ToContainTextAsync("done (2 of 2)");
        await coach.AssertNoSeriousAccessibilityViolationsAsync();
        if (Environment.GetEnvironmentVariable("TPMPREP_SCREENSHOT_DIR") is { Length: > 0 } shots)
        {
            await coach.EmulateMediaAsync(new() { Media = Media.Print });
            await coach.ScreenshotAsync(new() { Path = Path.Combine(shots, "coach-report.png"), FullPage = true });
            await coach.EmulateMediaAsync(new() { Media = Media.Screen });
            await coach.GotoAsync(candidatePageUrl);
            await coach.ScreenshotAsync(new() { Path = Path.Combine(shots, "coach-candidate.png"), FullPage = true });
        }

        // The candidate sees what was opened, then ends the coach's access.
        await candidate.GotoAsync(_server.BaseUrl + "/coaching");
        var receipts = candidate.GetByRole(AriaRole.Region, new() { Name = "What your coaches opened" });
        await Assertions.Expect(receipts.GetByRole(AriaRole.Row).Filter(new() { HasText = "Attempt" }).First).ToContainTextAsync("Coby Coach");
        await Assertions.Expect(receipts.GetByRole(AriaRole.Row).Filter(new() { HasText = "Progress" }).First).ToBeVisibleAsync();
        await candidate.GetByRole(AriaRole.Button, new() { Name = "End access" }).ClickAsync();
        await Assertions.Expect(candidate.GetByText("Access ended")).ToBeVisibleAsync();

        // The coach's next request is refused.
        Assert.Equal(404, (await coach.GotoAsync(attemptUrl))!.Status);
        Assert.Equal(404, (await coach.GotoAsync(candidatePageUrl))!.Status);
        await coach.GotoAsync(_server.BaseUrl + "/coach");
        await Assertions.Expect(coach.GetByText("No candidate has invited you yet")).ToBeVisibleAsync();
    }

    [GeneratedRegex("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex CodePattern();

    public void Dispose() => _server.Dispose();
}
