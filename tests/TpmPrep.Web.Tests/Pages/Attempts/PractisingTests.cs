using System.Net;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Data;
using TpmPrep.Web.Tests.Infrastructure;
using TpmPrep.Web.Tests.Pages;

namespace TpmPrep.Web.Tests.Pages.Attempts;

public sealed class PractisingStoresAttemptsPerUser(SharedFactory fixture) : IClassFixture<SharedFactory>
{
    private const string QuestionId = "sd-fleet-update-10000-servers";

    [Fact]
    public async Task AnswerThenGradeIsStoredAndListedNewestFirst()
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);
        var first = await candidate.AnswerAsync(QuestionId, "First answer", seconds: 125);
        var second = await candidate.AnswerAsync(QuestionId, "Second answer with **canaries**", seconds: 610);

        var gradePage = await candidate.GetHtmlAsync($"/attempts/{second}/grade");
        Assert.Contains("What a strong answer covers", gradePage, StringComparison.Ordinal);
        Assert.Contains("Halfway through, error rates rise in one region only", gradePage, StringComparison.Ordinal);
        var graded = await candidate.PostFormAsync($"/attempts/{second}/grade", new()
        {
            ["Input.Scores[0]"] = "3",
            ["Input.Scores[1]"] = "2",
            ["Input.Scores[2]"] = "4",
        });
        Assert.Equal(HttpStatusCode.Redirect, graded.StatusCode);
        Assert.Equal($"/attempts/{second}", graded.Headers.Location!.OriginalString);

        var list = await candidate.GetHtmlAsync("/attempts");
        Assert.Equal(2, AppClient.AttemptCount(list));
        Assert.True(list.IndexOf($"/attempts/{second}\"", StringComparison.Ordinal) < list.IndexOf($"/attempts/{first}\"", StringComparison.Ordinal), "newest first");
        Assert.Contains("<span class=\"score-pill\">3.0</span>", Row(list, second), StringComparison.Ordinal);
        Assert.DoesNotContain("score-pill", Row(list, first), StringComparison.Ordinal);
        Assert.Contains($"href=\"/attempts/{first}/grade\">Grade it</a>", Row(list, first), StringComparison.Ordinal);
        Assert.Matches(@">(now|one second ago|\d+ seconds ago)</time>", Row(list, second));

        var details = await candidate.GetHtmlAsync($"/attempts/{second}");
        Assert.Contains("<strong>canaries</strong>", details, StringComparison.Ordinal);
        Assert.Contains("in 10 minutes, 10 seconds.", details, StringComparison.Ordinal);

        using var scope = fixture.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Attempts.AsNoTracking()
            .Where(a => a.Id == second)
            .Select(a => new { a.QuestionId, a.QuestionTextHash, a.TimeTakenSeconds, a.AverageScore, a.CreatedUtc, Scores = a.Scores.OrderBy(s => s.CriterionIndex).Select(s => s.Score).ToList() })
            .SingleAsync();
        Assert.Equal(QuestionId, stored.QuestionId);
        Assert.Equal(64, stored.QuestionTextHash.Length);
        Assert.Equal(610, stored.TimeTakenSeconds);
        Assert.Equal(3.0, stored.AverageScore!.Value, 3);
        Assert.Equal([3, 2, 4], stored.Scores);
        Assert.Equal(DateTimeKind.Utc, stored.CreatedUtc.Kind);
    }

    [Fact]
    public async Task NobodySeesOrGradesAnotherUsersAttempt()
    {
        using var owner = await AppClient.RegisteredAsync(fixture);
        using var other = await AppClient.RegisteredAsync(fixture);
        var attempt = await owner.AnswerAsync(QuestionId, "Owner's private answer");

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/attempts/{attempt}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/attempts/{attempt}/grade")).StatusCode);
        var forgedGrade = await other.PostFormAsync("/attempts", new()
        {
            ["Input.Scores[0]"] = "1",
            ["Input.Scores[1]"] = "1",
            ["Input.Scores[2]"] = "1",
        }, action: $"/attempts/{attempt}/grade");
        Assert.Equal(HttpStatusCode.NotFound, forgedGrade.StatusCode);
        Assert.DoesNotContain("Owner's private answer", await other.GetHtmlAsync("/attempts"), StringComparison.Ordinal);

        Assert.Contains("Owner's private answer", await owner.GetHtmlAsync($"/attempts/{attempt}"), StringComparison.Ordinal);
        Assert.Contains("Not graded yet", await owner.GetHtmlAsync($"/attempts/{attempt}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/attempts/999999")]
    [InlineData("/attempts/-1")]
    [InlineData("/attempts/abc")]
    [InlineData("/attempts/99999999999999999999")]
    public async Task ForgedAttemptIdsAreNotFound(string url)
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);

        Assert.Equal(HttpStatusCode.NotFound, (await candidate.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task AnsweringAForgedQuestionIdIsNotFound()
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);

        var response = await candidate.PostFormAsync("/questions/" + QuestionId, new() { ["Input.Answer"] = "x" }, action: "/questions/not-a-question");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RawHtmlInAnAnswerIsShownAsText()
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);
        var attempt = await candidate.AnswerAsync(QuestionId, "<script>alert('x')</script> [link](javascript:alert(1))");

        var html = await candidate.GetHtmlAsync($"/attempts/{attempt}");

        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);
    }

    /// <summary>The row of the attempts table that links to the attempt.</summary>
    private static string Row(string list, int attempt)
    {
        var row = System.Text.RegularExpressions.Regex.Match(list, $"<tr>(?:(?!</tr>).)*href=\"/attempts/{attempt}\"(?:(?!</tr>).)*</tr>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(row.Success, $"no row for attempt {attempt}");
        return row.Value;
    }
}
