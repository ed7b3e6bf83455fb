using System.Net;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Tests.Infrastructure;
using TpmPrep.Web.Tests.Pages;

namespace TpmPrep.Web.Tests.Pages.Attempts;

public sealed class BadInputIsRefusedAndLosesNothing(SharedFactory fixture) : IClassFixture<SharedFactory>
{
    private const string QuestionId = "sd-fleet-update-10000-servers";

    [Theory]
    [InlineData("", "Write an answer before submitting.")]
    [InlineData("   \n\t  ", "Write an answer before submitting.")]
    public async Task EmptyAnswerShowsAValidationMessage(string answer, string message)
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);

        var response = await candidate.PostFormAsync($"/questions/{QuestionId}", new() { ["Input.Answer"] = answer, ["Input.TimeTakenSeconds"] = "5" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("You have not answered", await candidate.GetHtmlAsync("/attempts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverlongAnswerShowsAValidationMessageAndKeepsTheText()
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);
        var answer = "word " + new string('x', AnswerLimits.MaxLength);

        var response = await candidate.PostFormAsync($"/questions/{QuestionId}", new() { ["Input.Answer"] = answer, ["Input.TimeTakenSeconds"] = "5" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your answer is 20,000 characters at most", html, StringComparison.Ordinal);
        Assert.Contains(answer, html, StringComparison.Ordinal);
        Assert.Contains("You have not answered", await candidate.GetHtmlAsync("/attempts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NegativeOrHugeTimeTakenIsRefusedOrClamped()
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);

        var negative = await candidate.PostFormAsync($"/questions/{QuestionId}", new() { ["Input.Answer"] = "An answer", ["Input.TimeTakenSeconds"] = "-5" });
        Assert.Equal(HttpStatusCode.OK, negative.StatusCode);
        Assert.Contains("The time taken must be a positive number", await negative.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var attempt = await candidate.AnswerAsync(QuestionId, "An answer", seconds: int.MaxValue);
        Assert.Contains("in 1 day.", await candidate.GetHtmlAsync($"/attempts/{attempt}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5", "must be from 1 to 4")]
    [InlineData("0", "must be from 1 to 4")]
    [InlineData("-3", "must be from 1 to 4")]
    [InlineData("abc", "is not valid")]
    [InlineData("", "Pick a score for")]
    public async Task ScoreOutsideOneToFourShowsAMessageAndKeepsEarlierGrades(string badScore, string message)
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);
        var attempt = await candidate.AnswerAsync(QuestionId);
        var saved = await candidate.PostFormAsync($"/attempts/{attempt}/grade", new() { ["Input.Scores[0]"] = "2", ["Input.Scores[1]"] = "2", ["Input.Scores[2]"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var response = await candidate.PostFormAsync($"/attempts/{attempt}/grade", new() { ["Input.Scores[0]"] = "4", ["Input.Scores[1]"] = badScore, ["Input.Scores[2]"] = "4" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Average <span class=\"score-pill\">2.0</span>", await candidate.GetHtmlAsync($"/attempts/{attempt}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooFewOrTooManyScoresAreRefused()
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);
        var attempt = await candidate.AnswerAsync(QuestionId);

        var tooFew = await candidate.PostFormAsync($"/attempts/{attempt}/grade", new() { ["Input.Scores[0]"] = "3" });
        var tooMany = await candidate.PostFormAsync($"/attempts/{attempt}/grade", new()
        {
            ["Input.Scores[0]"] = "3", ["Input.Scores[1]"] = "3", ["Input.Scores[2]"] = "3", ["Input.Scores[3]"] = "3",
        });

        Assert.Contains("Pick a score for", await tooFew.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("the form sent 4 scores", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Not graded yet", await candidate.GetHtmlAsync($"/attempts/{attempt}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostWithoutAntiforgeryTokenIsRejected()
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);

        var response = await candidate.Http.PostAsync($"/questions/{QuestionId}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Answer"] = "forged" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("You have not answered", await candidate.GetHtmlAsync("/attempts"), StringComparison.Ordinal);
    }
}
