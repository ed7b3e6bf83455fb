using System.Net;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Data;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Pages.Review;

public sealed class GradedQuestionsComeBackWhenDue
{
    private const string QuestionId = "sd-fleet-update-10000-servers";

    [Fact]
    public async Task AGoodAnswerComesBackTomorrowAndShowsUpInTheDueQueue()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        await AnswerAndGradeAsync(candidate, score: 3);

        Assert.Contains("Nothing is due today.", await candidate.GetHtmlAsync("/review"), StringComparison.Ordinal);
        Assert.Contains("next due <time", await candidate.GetHtmlAsync($"/questions/{QuestionId}"), StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromDays(1));

        var due = await candidate.GetHtmlAsync("/review");
        Assert.Contains($"href=\"/questions/{QuestionId}\"", due, StringComparison.Ordinal);
        Assert.Contains("Answer all 1 question in full, in a session", due, StringComparison.Ordinal);
        var schedule = await ScheduleAsync(factory);
        Assert.Equal((1, 2.5, 1, 4), (schedule.Repetitions, schedule.EaseFactor, schedule.IntervalDays, schedule.LastQuality));
    }

    [Fact]
    public async Task ChangingTheGradesOfTheSameAttemptDoesNotCountAsASecondReview()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var attempt = await AnswerAndGradeAsync(candidate, score: 4);

        await candidate.PostFormAsync($"/attempts/{attempt}/grade", new() { ["Input.Scores[0]"] = "1", ["Input.Scores[1]"] = "1", ["Input.Scores[2]"] = "1" });

        var schedule = await ScheduleAsync(factory);
        Assert.Equal((1, 2.6, 1, 5), (schedule.Repetitions, schedule.EaseFactor, schedule.IntervalDays, schedule.LastQuality));
    }

    [Fact]
    public async Task SnoozeRetireAndBringBack()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        await AnswerAndGradeAsync(candidate, score: 2);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Contains(QuestionId, await candidate.GetHtmlAsync("/review"), StringComparison.Ordinal);

        var snoozed = await candidate.PostFormAsync("/review", new() { ["QuestionId"] = QuestionId, ["Days"] = "3" }, action: "/review?handler=Snooze");
        Assert.Equal(HttpStatusCode.Redirect, snoozed.StatusCode);
        Assert.Contains("Snoozed for 3 days.", await candidate.GetHtmlAsync("/review"), StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/questions/{QuestionId}\"", await candidate.GetHtmlAsync("/review"), StringComparison.Ordinal);
        factory.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Contains($"href=\"/questions/{QuestionId}\"", await candidate.GetHtmlAsync("/review"), StringComparison.Ordinal);

        await candidate.PostFormAsync("/review", new() { ["QuestionId"] = QuestionId }, action: "/review?handler=Retire");
        var retired = await candidate.GetHtmlAsync("/review");
        Assert.Contains("Nothing is due today.", retired, StringComparison.Ordinal);
        Assert.Contains("Retired questions", retired, StringComparison.Ordinal);

        await candidate.PostFormAsync("/review", new() { ["QuestionId"] = QuestionId }, action: "/review?handler=Restore");
        Assert.Contains($"href=\"/questions/{QuestionId}\"", await candidate.GetHtmlAsync("/review"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    [InlineData("x")]
    public async Task ABadSnoozeOrAForeignQuestionChangesNothing(string days)
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        using var other = await AppClient.RegisteredAsync(factory);
        await AnswerAndGradeAsync(candidate, score: 3);
        var before = (await ScheduleAsync(factory)).DueUtc;

        var bad = await candidate.PostFormAsync("/review", new() { ["QuestionId"] = QuestionId, ["Days"] = days }, action: "/review?handler=Snooze");
        var foreign = await other.PostFormAsync("/review", new() { ["QuestionId"] = QuestionId }, action: "/review?handler=Retire");

        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var after = await ScheduleAsync(factory);
        Assert.Equal(before, after.DueUtc);
        Assert.False(after.Retired);
    }

    [Fact]
    public async Task DueTodayEndsAtMidnightInTheCandidatesTimeZone()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        await AnswerAndGradeAsync(candidate, score: 3);
        var due = (await ScheduleAsync(factory)).DueUtc;
        // Twelve hours before it is due: due "today" only where the local time is still before noon.
        factory.Clock.SetUtcNow(new DateTimeOffset(due.AddHours(-12), TimeSpan.Zero));
        var now = factory.Clock.GetUtcNow().UtcDateTime;

        foreach (var zone in new[] { "Etc/UTC", "Etc/GMT-12" })
        {
            var saved = await candidate.PostFormAsync("/account/profile", new() { ["Input.DisplayName"] = "Zed", ["Input.TimeZone"] = zone });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var localHour = TimeZoneInfo.ConvertTimeFromUtc(now, TimeZoneInfo.FindSystemTimeZoneById(zone)).Hour;

            var listed = (await candidate.GetHtmlAsync("/review")).Contains($"href=\"/questions/{QuestionId}\"", StringComparison.Ordinal);

            Assert.Equal(localHour < 12, listed);
        }
    }

    /// <summary>About seventeen good gradings of one question used to push its due date past the year 9999: every later grading answered 500.</summary>
    [Fact]
    public async Task GradingOneQuestionWellTimeAfterTimeKeepsWorking()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);

        for (var i = 0; i < 25; i++)
        {
            await AnswerAndGradeAsync(candidate, score: i % 2 == 0 ? 3 : 4);
        }

        var schedule = await ScheduleAsync(factory);
        Assert.Equal(25, schedule.Repetitions);
        Assert.Equal(TpmPrep.Content.Scoring.ReviewScheduling.MaximumIntervalDays, schedule.IntervalDays);
        Assert.Equal(schedule.LastReviewedUtc.AddDays(TpmPrep.Content.Scoring.ReviewScheduling.MaximumIntervalDays), schedule.DueUtc);
        Assert.True(schedule.DueUtc > factory.Clock.GetUtcNow().UtcDateTime, $"due {schedule.DueUtc:O} is not in the future");
        Assert.Contains("next due <time", await candidate.GetHtmlAsync($"/questions/{QuestionId}"), StringComparison.Ordinal);
    }

    private static async Task<int> AnswerAndGradeAsync(AppClient candidate, int score)
    {
        var attempt = await candidate.AnswerAsync(QuestionId);
        var s = score.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var graded = await candidate.PostFormAsync($"/attempts/{attempt}/grade", new() { ["Input.Scores[0]"] = s, ["Input.Scores[1]"] = s, ["Input.Scores[2]"] = s });
        Assert.Equal(HttpStatusCode.Redirect, graded.StatusCode);
        return attempt;
    }

    private static async Task<ReviewSchedule> ScheduleAsync(TpmPrepFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ReviewSchedules.AsNoTracking().SingleAsync(r => r.QuestionId == QuestionId);
    }
}
