using System.Net;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Pages.Attempts;

/// <summary>
/// An answer of hostile Markdown is stored, previewed, shown and graded like any other: no page it
/// touches may answer 500, then or ever after.
/// </summary>
public sealed class HostileAnswersNeverBreakAPage(SharedFactory fixture) : IClassFixture<SharedFactory>
{
    private const string QuestionId = "sd-fleet-update-10000-servers";

    public static TheoryData<string> HostileAnswers() =>
    [
        new string('[', 200) + "deep",
        new string('[', 40) + "x",
        string.Concat(Enumerable.Repeat("![", 40)) + "x",
        string.Concat(Enumerable.Repeat("**", 60)) + "x" + string.Concat(Enumerable.Repeat("**", 60)),
        string.Concat(Enumerable.Repeat("==", 40)) + "x" + string.Concat(Enumerable.Repeat("==", 40)),
        string.Concat(Enumerable.Repeat("*a* ", 4_900)),
        string.Concat(Enumerable.Repeat("[a](", 4_900)),
        new string('>', 19_000) + " quoted",
        string.Concat(Enumerable.Repeat("a\n=\n", 4_900)),
        string.Concat(Enumerable.Repeat("- ", 5_000)) + "x",
    ];

    [Theory]
    [MemberData(nameof(HostileAnswers))]
    public async Task PreviewDetailsAndGradingAllWork(string answer)
    {
        using var candidate = await AppClient.RegisteredAsync(fixture);

        var preview = await candidate.PostFormAsync($"/questions/{QuestionId}", new() { ["text"] = answer }, action: "/markdown/preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);

        var attempt = await candidate.AnswerAsync(QuestionId, answer);
        Assert.Equal(HttpStatusCode.OK, (await candidate.Http.GetAsync($"/attempts/{attempt}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await candidate.Http.GetAsync($"/attempts/{attempt}/grade")).StatusCode);
        var graded = await candidate.PostFormAsync($"/attempts/{attempt}/grade", new() { ["Input.Scores[0]"] = "3", ["Input.Scores[1]"] = "3", ["Input.Scores[2]"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, graded.StatusCode);
        Assert.Contains("Average <span class=\"score-pill\">3.0</span>", await candidate.GetHtmlAsync($"/attempts/{attempt}"), StringComparison.Ordinal);
    }
}
