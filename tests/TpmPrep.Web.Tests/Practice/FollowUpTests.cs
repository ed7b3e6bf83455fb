using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Tests.Infrastructure;
using TpmPrep.Web.Tests.Pages.Practice;

namespace TpmPrep.Web.Tests.Practice;

/// <summary>After grading, a follow-up is answered as a short attempt linked to its question, ungraded and off the schedule.</summary>
public sealed partial class FollowUpTests
{
    private const string QuestionId = "risk-known-bug-may-hurt-sales";

    [Fact]
    public async Task AFollowUpIsAShortLinkedAttemptThatIsNotGradedAndDoesNotMoveTheSchedule()
    {
        using var factory = new TpmPrepFactory();
        using var cara = await AppClient.RegisteredAsync(factory, "cara@example.com");
        using var dan = await AppClient.RegisteredAsync(factory, "dan@example.com");
        var question = factory.Services.GetRequiredService<CatalogueProvider>().Current.FindQuestion(QuestionId)!;
        var main = await cara.AnswerAsync(QuestionId);
        await PracticeDriver.GradeAsync(cara, question, main, 3);
        var before = await ScheduleAsync(factory);

        var details = WebUtility.HtmlDecode(await cara.GetHtmlAsync($"/attempts/{main}"));
        Assert.Contains("<h2 id=\"followups-heading\">Follow-ups</h2>", details, StringComparison.Ordinal);
        Assert.Contains($"href=\"/questions/{QuestionId}/follow-ups/2\"", details, StringComparison.Ordinal);

        var page = $"/questions/{QuestionId}/follow-ups/2";
        var form = WebUtility.HtmlDecode(await cara.GetHtmlAsync(page));
        Assert.Contains(PageDescription.PlainText(question.FollowUpsHtml[1]), form, StringComparison.Ordinal);
        var empty = WebUtility.HtmlDecode(await (await cara.PostFormAsync(page, new() { ["Answer"] = "  " })).Content.ReadAsStringAsync());
        Assert.Contains("Write your answer to the follow-up before submitting.", empty, StringComparison.Ordinal);

        var posted = await cara.PostFormAsync(page, new() { ["Answer"] = "I would ask sales for the three accounts at risk." });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var followUp = int.Parse(AttemptLocation().Match(posted.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var shown = WebUtility.HtmlDecode(await cara.GetHtmlAsync($"/attempts/{followUp}"));
        Assert.Contains("Follow-up answered.", shown, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"followup-heading\">Follow-up 2</h2>", shown, StringComparison.Ordinal);
        Assert.Contains(PageDescription.PlainText(question.FollowUpsHtml[1]), shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Grade this attempt", shown, StringComparison.Ordinal);

        // Not graded against the rubric: the grading page sends it back, and a grade posted to it is refused.
        Assert.Equal($"/attempts/{followUp}", (await cara.Http.GetAsync($"/attempts/{followUp}/grade")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await cara.PostFormAsync($"/attempts/{main}/grade", new() { ["Input.Scores[0]"] = "4" }, $"/attempts/{followUp}/grade")).StatusCode);
        var after = await ScheduleAsync(factory);
        Assert.Equal((before.Repetitions, before.DueUtc), (after.Repetitions, after.DueUtc));

        // Linked: the question's attempt lists it, and My attempts tags it.
        Assert.Contains($"answered <a href=\"/attempts/{followUp}\">", WebUtility.HtmlDecode(await cara.GetHtmlAsync($"/attempts/{main}")), StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag\">follow-up</span>", await cara.GetHtmlAsync("/attempts"), StringComparison.Ordinal);
        var export = await cara.Http.GetStringAsync("/account/data?handler=Json");
        Assert.Contains("\"followUpIndex\": 1", export, StringComparison.Ordinal);

        // Someone else, or a follow-up the question does not have, is a 404.
        Assert.Equal(HttpStatusCode.NotFound, (await dan.Http.GetAsync($"/attempts/{followUp}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cara.Http.GetAsync($"/questions/{QuestionId}/follow-ups/0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cara.Http.GetAsync($"/questions/{QuestionId}/follow-ups/{question.FollowUpsHtml.Count + 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cara.Http.GetAsync("/questions/no-such-question/follow-ups/1")).StatusCode);
    }

    private static async Task<ReviewSchedule> ScheduleAsync(TpmPrepFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ReviewSchedules.AsNoTracking().SingleAsync(r => r.QuestionId == QuestionId);
    }

    [GeneratedRegex(@"^/attempts/(\d+)$")]
    private static partial Regex AttemptLocation();
}
