using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;
using TpmPrep.Web.Review;
using TpmPrep.Web.Tests.Infrastructure;
using TpmPrep.Web.Tests.Pages.Practice;

namespace TpmPrep.Web.Tests.Practice;

/// <summary>Quick review: outline, reveal, tick the points covered, and the schedule moves; the daily cap, honest about itself.</summary>
public sealed class QuickReviewTests
{
    private const string QuestionId = "risk-known-bug-may-hurt-sales";

    [Theory]
    [InlineData(0, 5, 1.0)]
    [InlineData(5, 5, 4.0)]
    [InlineData(2, 4, 2.5)]
    [InlineData(9, 4, 4.0)] // more ticks than points cannot grade above the top
    [InlineData(0, 0, 1.0)]
    public void TheShareCoveredIsPlacedOnTheRubricScale(int covered, int points, double average) =>
        Assert.Equal(average, QuickReviews.Average(covered, points), 3);

    [Theory]
    [InlineData(20, 0, 129, 20, 109, false)]
    [InlineData(20, 15, 129, 5, 124, false)]
    [InlineData(20, 25, 129, 0, 129, true)]
    [InlineData(20, 3, 4, 4, 0, false)]
    public void TheDayLeavesWhatTheCapAllows(int cap, int done, int due, int left, int waiting, bool reached)
    {
        var day = new ReviewDay(cap, done, due);
        Assert.Equal(left, day.Left);
        Assert.Equal(waiting, day.Waiting);
        Assert.Equal(reached, day.CapReached);
    }

    [Fact]
    public async Task AQuickReviewMovesTheScheduleAndCountsAgainstTheCap()
    {
        using var factory = new TpmPrepFactory();
        using var cara = await AppClient.RegisteredAsync(factory, "cara@example.com");
        var question = factory.Services.GetRequiredService<CatalogueProvider>().Current.FindQuestion(QuestionId)!;
        var second = factory.Services.GetRequiredService<CatalogueProvider>().Current.FindQuestion("risk-portfolio-risk-appetite")!;
        // Two questions answered weakly: both due tomorrow.
        await PracticeDriver.GradeAsync(cara, question, await cara.AnswerAsync(QuestionId), 1);
        await PracticeDriver.GradeAsync(cara, second, await cara.AnswerAsync(second.Id), 1);
        await cara.PostFormAsync("/account/profile", new() { ["Input.DisplayName"] = "Cara", ["Input.TimeZone"] = "UTC", ["Input.ReviewDailyCap"] = "1" });
        factory.Clock.Advance(TimeSpan.FromDays(2));

        var queue = WebUtility.HtmlDecode(await cara.GetHtmlAsync("/review"));
        Assert.Contains("<strong>2 questions</strong> due. Your cap is <strong>1 a day</strong>", queue, StringComparison.Ordinal);
        Assert.Contains("0 reviews done today, 1 left.", queue, StringComparison.Ordinal);
        Assert.Contains("The other 1 wait for the days after", queue, StringComparison.Ordinal);
        Assert.Contains("Answer the first 1 question of 2 in full, in a session", queue, StringComparison.Ordinal);
        Assert.Contains($"href=\"/review/quick/{QuestionId}\"", queue, StringComparison.Ordinal);

        // Step 1: an empty or over-long outline is refused beside the field, and the text is kept.
        var page = $"/review/quick/{QuestionId}";
        var empty = WebUtility.HtmlDecode(await (await cara.PostFormAsync(page, new() { ["Outline"] = " " }, page + "?handler=Reveal")).Content.ReadAsStringAsync());
        Assert.Contains("Write your outline first", empty, StringComparison.Ordinal);
        var huge = new string('x', ReviewLimits.MaxOutlineLength + 1);
        var tooLong = WebUtility.HtmlDecode(await (await cara.PostFormAsync(page, new() { ["Outline"] = huge }, page + "?handler=Reveal")).Content.ReadAsStringAsync());
        Assert.Contains("An outline is at most 4,000 characters; this one has 4,001.", tooLong, StringComparison.Ordinal);
        Assert.Contains(huge, tooLong, StringComparison.Ordinal);

        // Step 2: the points, each a tick; the outline is shown beside them.
        var revealed = WebUtility.HtmlDecode(await (await cara.PostFormAsync(page, new() { ["Outline"] = "Size the risk; options; recommend; tell sales" }, page + "?handler=Reveal")).Content.ReadAsStringAsync());
        Assert.Contains("Which points did your outline cover?", revealed, StringComparison.Ordinal);
        Assert.Equal(question.StrongAnswerPointsHtml.Count, revealed.Split("name=\"Covered\"").Length - 1);
        Assert.Contains("Size the risk; options; recommend; tell sales</textarea>", revealed, StringComparison.Ordinal);

        // A tick past the points is refused; all points ticked: saved, scheduled further out, on to the next due question.
        var bad = await cara.PostFieldsAsync(page, [new("Outline", "o"), new("Covered", "99")], page + "?handler=Save");
        Assert.Contains("Tick only the points shown.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var all = Enumerable.Range(0, question.StrongAnswerPointsHtml.Count).Select(i => new KeyValuePair<string, string>("Covered", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var saved = await cara.PostFieldsAsync(page, all.Prepend(new("Outline", "Size the risk; options; recommend; tell sales")), page + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/review", saved.Headers.Location!.OriginalString); // the cap of 1 is reached: back to the queue
        var after = WebUtility.HtmlDecode(await cara.GetHtmlAsync("/review"));
        Assert.Contains($"Covered {question.StrongAnswerPointsHtml.Count} of {question.StrongAnswerPointsHtml.Count} points: next review in", after, StringComparison.Ordinal);
        Assert.Contains("That was today's 1: the rest wait for tomorrow.", after, StringComparison.Ordinal);
        Assert.Contains("1 review done today, none left.", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/review/quick/{QuestionId}\"", after, StringComparison.Ordinal); // no longer due
        Assert.Contains("Cap reached: answer 1 more in full anyway", after, StringComparison.Ordinal);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var schedule = await db.ReviewSchedules.AsNoTracking().SingleAsync(r => r.QuestionId == QuestionId);
            // After the weak answer's reset, a full cover is an "easy" review: the first step of a new run.
            Assert.Equal(1, schedule.Repetitions);
            Assert.Equal(5, schedule.LastQuality);
            Assert.True(schedule.LastReviewedUtc > factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5), "the quick review did not move the schedule");
            var kept = await db.QuickReviews.AsNoTracking().SingleAsync();
            Assert.Equal(question.StrongAnswerPointsHtml.Count, kept.CoveredCount);
        }

        // The session button keeps to the cap unless asked to go past it.
        var refused = WebUtility.HtmlDecode(await (await cara.PostFormAsync("/practice", new() { ["Mode"] = "Practice" }, "/practice?handler=Due")).Content.ReadAsStringAsync());
        Assert.Contains("You have done today's 1 reviews, your daily cap.", refused, StringComparison.Ordinal);
        var beyond = await cara.PostFormAsync("/practice", new() { ["Mode"] = "Practice", ["beyondCap"] = "true" }, "/practice?handler=Due");
        Assert.Equal(HttpStatusCode.Redirect, beyond.StatusCode);

        // In the export; an unknown question is a 404; a cap out of range is said beside the field.
        Assert.Contains("\"quickReviews\": [", await cara.Http.GetStringAsync("/account/data?handler=Json"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await cara.Http.GetAsync("/review/quick/no-such-question")).StatusCode);
        var cap = await cara.PostFormAsync("/account/profile", new() { ["Input.DisplayName"] = "Cara", ["Input.TimeZone"] = "UTC", ["Input.ReviewDailyCap"] = "5000" });
        Assert.Contains("Choose from 1 to 200 reviews a day", await cap.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
