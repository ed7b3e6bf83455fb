using System.Net;
using TpmPrep.Web.Tests.Infrastructure;
using static TpmPrep.Web.Tests.Pages.Practice.PracticeDriver;

namespace TpmPrep.Web.Tests.Pages.Practice;

public sealed class PracticeSessionsRunFromFiltersToSummary
{
    [Fact]
    public async Task ASessionHoldsQuestionsMatchingTheFiltersAndEndsWithASummary()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var catalogue = PracticeDriver.Catalogue(factory);

        var id = await StartSessionAsync(candidate, new() { ["Input.Count"] = "3", ["Input.Mode"] = "MockInterview" },
            [new("Input.Banks", "risk-management"), new("Input.Levels", "tpm"), new("Input.Levels", "senior-tpm")]);

        var seen = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var html = await candidate.GetHtmlAsync($"/practice/{id}");
            Assert.Contains($"Question {i} of 3", html, StringComparison.Ordinal);
            Assert.Contains("Whole interview", html, StringComparison.Ordinal);
            var questionId = CurrentQuestionId(html, catalogue);
            var question = catalogue.FindQuestion(questionId)!;
            Assert.Equal("risk-management", question.BankId);
            Assert.Contains(question.LevelId, new[] { "tpm", "senior-tpm" });
            seen.Add(questionId);

            var attempt = await AnswerCurrentAsync(candidate, id, $"Answer {i}");
            var graded = await GradeAsync(candidate, question, attempt, 3);
            Assert.Equal($"/practice/{id}", graded.Headers.Location!.OriginalString);
        }

        Assert.Equal(3, seen.Distinct().Count());
        var done = await candidate.Http.GetAsync($"/practice/{id}");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var summary = await candidate.GetHtmlAsync($"/practice/{id}/summary");
        Assert.Contains("Mock interview summary", summary, StringComparison.Ordinal);
        Assert.Contains("<strong>3 / 3</strong> answered", summary, StringComparison.Ordinal);
        Assert.Contains("<strong>3.0</strong> average score", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionsNeverAnsweredComeFirst()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var catalogue = PracticeDriver.Catalogue(factory);
        var bank = catalogue.FindBank("leadership-influence")!;
        foreach (var question in bank.Questions.Skip(2))
        {
            await candidate.AnswerAsync(question.Id);
        }

        var id = await StartSessionAsync(candidate, new() { ["Input.Count"] = "2", ["Input.Mode"] = "Practice" }, [new("Input.Banks", bank.Id)]);

        var first = CurrentQuestionId(await candidate.GetHtmlAsync($"/practice/{id}"), catalogue);
        Assert.Contains(first, bank.Questions.Take(2).Select(q => q.Id));
    }

    [Fact]
    public async Task TheTimeTakenIsMeasuredFromWhenTheQuestionWasFirstShown()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var id = await StartSessionAsync(candidate, new() { ["Input.Count"] = "1", ["Input.Mode"] = "MockInterview" });
        await candidate.GetHtmlAsync($"/practice/{id}");

        factory.Clock.Advance(TimeSpan.FromMinutes(7));
        var refreshed = await candidate.GetHtmlAsync($"/practice/{id}");
        Assert.Contains("data-elapsed=\"420\"", refreshed, StringComparison.Ordinal);
        var attempt = await AnswerCurrentAsync(candidate, id);

        Assert.Contains("in 7 minutes.", await candidate.GetHtmlAsync($"/attempts/{attempt}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OvertimeIsRecordedWhenTheCandidateChoseToGoOn()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var id = await StartSessionAsync(candidate, new() { ["Input.Count"] = "1", ["Input.Mode"] = "MockInterview" });
        await candidate.GetHtmlAsync($"/practice/{id}");

        var response = await candidate.PostFormAsync($"/practice/{id}", new() { ["Input.Answer"] = "Late but complete.", ["Position"] = "1", ["Overtime"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Contains("<strong>1</strong> went into overtime", await candidate.GetHtmlAsync($"/practice/{id}/summary"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "Choose from 1 to 20 questions.")]
    [InlineData("21", "Choose from 1 to 20 questions.")]
    [InlineData("abc", "is not valid")]
    public async Task AnOutOfRangeCountIsRefused(string count, string message)
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);

        var response = await PostStartAsync(candidate, new() { ["Input.Count"] = count, ["Input.Mode"] = "Practice" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownFiltersAndEmptyResultsAreExplained()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);

        var forged = await PostStartAsync(candidate, new() { ["Input.Count"] = "3", ["Input.Mode"] = "Practice" }, [new("Input.Banks", "no-such-bank")]);
        var mode = await PostStartAsync(candidate, new() { ["Input.Count"] = "3", ["Input.Mode"] = "Speedrun" });
        var none = await PostStartAsync(candidate, new() { ["Input.Count"] = "3", ["Input.Mode"] = "Practice" }, [new("Input.Banks", "system-design"), new("Input.Kinds", "behavioural")]);
        var due = await candidate.PostFormAsync("/practice", new() { ["Mode"] = "Practice" }, action: "/practice?handler=Due");

        Assert.Contains("There is no bank &#x27;no-such-bank&#x27;.", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("is not valid", await mode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("No question matches these choices.", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Nothing is due for review today.", await due.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedOrForeignSessionIdsAreNotFound()
    {
        using var factory = new TpmPrepFactory();
        using var owner = await AppClient.RegisteredAsync(factory);
        using var other = await AppClient.RegisteredAsync(factory);
        var id = await StartSessionAsync(owner, new() { ["Input.Count"] = "2", ["Input.Mode"] = "Practice" });

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/practice/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/practice/{id}/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Http.GetAsync("/practice/999999")).StatusCode);
        var forged = await other.PostFormAsync("/practice", new() { ["Input.Answer"] = "Not mine", ["Position"] = "1" }, action: $"/practice/{id}");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("Question 1 of 2", await owner.GetHtmlAsync($"/practice/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOversizedOrEmptyAnswerKeepsTheQuestionOpen()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var id = await StartSessionAsync(candidate, new() { ["Input.Count"] = "1", ["Input.Mode"] = "Practice" });
        await candidate.GetHtmlAsync($"/practice/{id}");

        var tooLong = await candidate.PostFormAsync($"/practice/{id}", new() { ["Input.Answer"] = new string('x', 20_001), ["Position"] = "1" });
        var empty = await candidate.PostFormAsync($"/practice/{id}", new() { ["Input.Answer"] = "  ", ["Position"] = "1" });

        Assert.Contains("Your answer is 20,000 characters at most", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Write an answer before submitting.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Question 1 of 1", await candidate.GetHtmlAsync($"/practice/{id}"), StringComparison.Ordinal);
    }
}

public sealed class DraftsAndPreviewLoseNothing
{
    private const string QuestionId = "sd-fleet-update-10000-servers";

    [Fact]
    public async Task ADraftSavedOnTheServerComesBackAndGoesOnceSubmitted()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);

        var saved = await candidate.PostFormAsync($"/questions/{QuestionId}", new() { ["text"] = "Half an answer" }, action: $"/questions/{QuestionId}?handler=Draft");
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal("Half an answer", Html.Parse(await candidate.GetHtmlAsync($"/questions/{QuestionId}")).ValueOf("Input.Answer"));

        await candidate.AnswerAsync(QuestionId, "Half an answer, finished.");

        Assert.Equal(string.Empty, Html.Parse(await candidate.GetHtmlAsync($"/questions/{QuestionId}")).ValueOf("Input.Answer"));
    }

    [Fact]
    public async Task DraftsArePrivateAndBounded()
    {
        using var factory = new TpmPrepFactory();
        using var owner = await AppClient.RegisteredAsync(factory);
        using var other = await AppClient.RegisteredAsync(factory);
        await owner.PostFormAsync($"/questions/{QuestionId}", new() { ["text"] = "Owner draft" }, action: $"/questions/{QuestionId}?handler=Draft");

        var huge = await owner.PostFormAsync($"/questions/{QuestionId}", new() { ["text"] = new string('x', 20_001) }, action: $"/questions/{QuestionId}?handler=Draft");
        var unknown = await owner.PostFormAsync($"/questions/{QuestionId}", new() { ["text"] = "x" }, action: "/questions/no-such-question?handler=Draft");

        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain("Owner draft", await other.GetHtmlAsync($"/questions/{QuestionId}"), StringComparison.Ordinal);
        Assert.Equal("Owner draft", Html.Parse(await owner.GetHtmlAsync($"/questions/{QuestionId}")).ValueOf("Input.Answer"));
    }

    [Fact]
    public async Task PreviewRendersThroughTheSafePipeline()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);

        var response = await candidate.PostFormAsync($"/questions/{QuestionId}", new() { ["text"] = "**bold** <script>x()</script> [a](javascript:alert(1))" }, action: "/markdown/preview");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewWithoutScriptShowsTheRenderedAnswerAndSavesNothing()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);

        var response = await candidate.PostFormAsync($"/questions/{QuestionId}", new() { ["Input.Answer"] = "# Plan\n\n- canary", ["preview"] = "true" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Plan</h1>", html, StringComparison.Ordinal);
        Assert.Equal("# Plan\n\n- canary", Html.Parse(html).ValueOf("Input.Answer"));
        Assert.Contains("You have not answered", await candidate.GetHtmlAsync("/attempts"), StringComparison.Ordinal);
    }
}
