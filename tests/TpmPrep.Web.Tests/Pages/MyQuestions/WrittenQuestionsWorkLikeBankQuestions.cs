using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Data;
using TpmPrep.Web.Tests.Infrastructure;
using TpmPrep.Web.Tests.Pages.Account;

namespace TpmPrep.Web.Tests.Pages.MyQuestions;

/// <summary>A question stored in the database is answered, graded, reviewed in a session, exported and imported like a bank question (on both databases).</summary>
public sealed partial class WrittenQuestionsWorkLikeBankQuestions
{
    public static string Markdown(string title = "Run a go/no-go meeting", string levels = "3") => $"""
        ---
        title: {title}
        skills: [communication]
        level: tpm
        kind: scenario
        minutes: 5
        ---

        ## Prompt

        Run the go/no-go for tomorrow's launch.

        ## What a strong answer covers

        - Criteria agreed before the meeting.

        ## Rubric

        ### Criteria
        1. None.
        2. Some.
        {levels}. Agreed beforehand.

        ## Follow-ups

        - Who decides on a tie?
        """;

    [Fact]
    public async Task AnsweredGradedDueInASessionAndCarriedByExportAndImport()
    {
        using var factory = new TpmPrepFactory();
        using var author = await AppClient.RegisteredAsync(factory, "author@example.com");
        var questionId = await WriteAsync(author, Markdown());

        var attemptId = await author.AnswerAsync(questionId, "Criteria first, then the owners' calls.");
        Assert.Contains("1 is the weakest, 3 the strongest", await author.GetHtmlAsync($"/attempts/{attemptId}/grade"), StringComparison.Ordinal);
        var tooHigh = await author.PostFormAsync($"/attempts/{attemptId}/grade", new() { ["Input.Scores[0]"] = "4" });
        Assert.Contains("must be from 1 to 3", await tooHigh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync($"/attempts/{attemptId}/grade", new() { ["Input.Scores[0]"] = "2" })).StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var attempt = await db.Attempts.AsNoTracking().Include(a => a.Scores).SingleAsync(a => a.Id == attemptId);
            // 2 of 3 is the middle of the scale: 2.5 on the common four points.
            Assert.Equal(2.5, attempt.AverageScore);
            var score = Assert.Single(attempt.Scores);
            Assert.Equal((2, 3, GraderRole.Self, attempt.UserId), (score.Score, score.Levels, score.GraderRole, score.GradedById));
            var schedule = await db.ReviewSchedules.AsNoTracking().SingleAsync(r => r.QuestionId == questionId);
            Assert.Equal(attempt.UserId, schedule.UserId);
        }

        factory.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Contains("Run a go/no-go meeting", await author.GetHtmlAsync("/review"), StringComparison.Ordinal);
        var due = await author.PostFormAsync("/practice", new() { ["mode"] = "Practice" }, "/practice?handler=Due");
        Assert.Equal(HttpStatusCode.Redirect, due.StatusCode);
        var session = await author.GetHtmlAsync(due.Headers.Location!.OriginalString);
        Assert.Contains("Run the go/no-go for tomorrow", session, StringComparison.Ordinal);

        var export = await author.Http.GetStringAsync("/account/data?handler=Json");
        using (var json = JsonDocument.Parse(export))
        {
            var written = Assert.Single(json.RootElement.GetProperty("questions").EnumerateArray());
            Assert.Equal(questionId, written.GetProperty("id").GetString());
            Assert.Equal(4, json.RootElement.GetProperty("version").GetInt32());
            Assert.Equal(3, json.RootElement.GetProperty("attempts")[0].GetProperty("scores")[0].GetProperty("levels").GetInt32());
        }

        using var importer = await AppClient.RegisteredAsync(factory, "importer@example.com");
        var upload = await OwningYourData.ImportAsync(importer, Encoding.UTF8.GetBytes(export));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var done = await Eventually.WaitForAsync(() => importer.GetHtmlAsync(upload.Headers.Location!.OriginalString), html => html.Contains("Imported ", StringComparison.Ordinal), "the import to finish");
        Assert.Contains("Imported 1 attempt, 1 review schedule, 0 assessments, 1 session and 1 question written in the app", done, StringComparison.Ordinal);
        var mine = await importer.GetHtmlAsync("/my-questions");
        var importedId = WrittenQuestionLink().Match(mine).Groups[1].Value;
        Assert.NotEqual(questionId, importedId);
        Assert.Contains("Run the go/no-go for tomorrow", await importer.GetHtmlAsync($"/questions/{importedId}"), StringComparison.Ordinal);
        Assert.Contains("Run a go/no-go meeting", await importer.GetHtmlAsync("/review"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await importer.Http.GetAsync($"/questions/{questionId}")).StatusCode);

        // Importing the same file again adds no second copy of the question.
        var again = await OwningYourData.ImportAsync(importer, Encoding.UTF8.GetBytes(export));
        await Eventually.WaitForAsync(() => importer.GetHtmlAsync(again.Headers.Location!.OriginalString), html => html.Contains("Imported ", StringComparison.Ordinal), "the second import to finish");
        Assert.Single(WrittenQuestionLink().Matches(await importer.GetHtmlAsync("/my-questions")));
    }

    [Fact]
    public async Task ProblemsAreListedByLineTwoEditorsCannotOverwriteEachOtherAndDeletingKeepsTheAnswers()
    {
        using var factory = new TpmPrepFactory();
        using var author = await AppClient.RegisteredAsync(factory, "author@example.com");

        var broken = await author.PostFormAsync("/my-questions/edit", new() { ["Input.Markdown"] = Markdown().Replace("communication", "juggling", StringComparison.Ordinal).Replace("2. Some.\n", "", StringComparison.Ordinal) });
        var page = await broken.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Contains("question:3: unknown skill area &#x27;juggling&#x27;", page, StringComparison.Ordinal);
        Assert.Contains("has 2 anchors; it needs 3 to 5", page, StringComparison.Ordinal);
        // What was typed comes back to be fixed, not lost.
        Assert.Contains("skills: [juggling]", page, StringComparison.Ordinal);

        var questionId = await WriteAsync(author, Markdown());
        var id = questionId["my-".Length..];
        var first = await author.PostFormAsync($"/my-questions/edit/{id}", new() { ["Input.Markdown"] = Markdown("First edit"), ["Input.Version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var stale = await author.PostFormAsync($"/my-questions/edit/{id}", new() { ["Input.Markdown"] = Markdown("Second edit"), ["Input.Version"] = "1" });
        Assert.Contains("changed in another tab or by someone else", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("First edit", await author.GetHtmlAsync($"/questions/{questionId}"), StringComparison.Ordinal);

        var attemptId = await author.AnswerAsync(questionId, "An answer that outlives its question.");
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync($"/my-questions/{id}/delete", new())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.Http.GetAsync($"/questions/{questionId}")).StatusCode);
        var attempt = await author.GetHtmlAsync($"/attempts/{attemptId}");
        Assert.Contains("An answer that outlives its question.", attempt, StringComparison.Ordinal);
        Assert.Contains("First edit", attempt, StringComparison.Ordinal);
    }

    private static async Task<string> WriteAsync(AppClient author, string markdown)
    {
        var saved = await author.PostFormAsync("/my-questions/edit", new() { ["Input.Markdown"] = markdown });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return WrittenQuestionLink().Match(saved.Headers.Location!.OriginalString).Groups[1].Value;
    }

    [GeneratedRegex("/questions/(my-\\d+)")]
    private static partial Regex WrittenQuestionLink();
}
