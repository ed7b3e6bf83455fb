using System.Net;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Data;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Practice;

/// <summary>The clock on a practice answer: kept on the server, started by the candidate, paused, and never reset by a reload.</summary>
public sealed class AnswerTimerTests
{
    private const string Question = "sd-fleet-update-10000-servers";

    private static readonly DateTime Start = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TheClockCountsFromTheStartLessThePauses()
    {
        Assert.Equal(0, AnswerTimer.NotStarted.ElapsedSeconds(Start));
        Assert.Equal("idle", AnswerTimer.NotStarted.State);
        var running = new AnswerTimer(Start, null, 30);
        Assert.Equal(90, running.ElapsedSeconds(Start.AddMinutes(2)));
        Assert.Equal("running", running.State);
        var paused = new AnswerTimer(Start, Start.AddSeconds(100), 30);
        Assert.Equal(70, paused.ElapsedSeconds(Start.AddHours(5)));
        Assert.Equal("paused", paused.State);
        Assert.Equal(0, new AnswerTimer(Start, null, 0).ElapsedSeconds(Start.AddSeconds(-5)));
    }

    [Fact]
    public async Task StartedPausedAndResumedOnTheServerTheAttemptTakesTheServersTime()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        var page = $"/questions/{Question}";
        Assert.Contains("data-state=\"idle\"", await candidate.GetHtmlAsync(page), StringComparison.Ordinal);

        // Without script: the form posts with the answer typed so far, which is kept.
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(page, new() { ["Input.Answer"] = "typed-before-start" }, $"{page}?handler=Timer&act=start")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(100));
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(page, new(), $"{page}?handler=Timer&act=pause")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var reloaded = await candidate.GetHtmlAsync(page);
        Assert.Contains("data-state=\"paused\"", reloaded, StringComparison.Ordinal);
        Assert.Matches("data-elapsed=\"10[01]\"", reloaded);
        Assert.Contains("typed-before-start", reloaded, StringComparison.Ordinal);
        Assert.Contains("Resume the clock", reloaded, StringComparison.Ordinal);

        // With script: JSON back.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{page}?handler=Timer&act=resume");
        var token = System.Text.RegularExpressions.Regex.Match(reloaded, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        request.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]);
        request.Headers.Accept.ParseAdd("application/json");
        var resumed = await candidate.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Matches("\"state\":\"running\"", await resumed.Content.ReadAsStringAsync());
        factory.Clock.Advance(TimeSpan.FromSeconds(20));

        // The page sends 5 seconds; the server's clock says about 120.
        var attemptId = await candidate.AnswerAsync(Question, "the answer, timed on the server", seconds: 5);
        using var scope = factory.Services.CreateScope();
        var taken = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Attempts.AsNoTracking().Where(a => a.Id == attemptId).Select(a => a.TimeTakenSeconds).SingleAsync();
        Assert.InRange(taken, 120, 122);
        // The draft and its clock go with the submitted answer: the next answer starts idle.
        Assert.Contains("data-state=\"idle\"", await candidate.GetHtmlAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAStartedClockThePagesCountIsKeptAndBadActionsAreRefused()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        var page = $"/questions/{Question}";
        var attemptId = await candidate.AnswerAsync(Question, "untimed", seconds: 321);
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(321, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Attempts.AsNoTracking().Where(a => a.Id == attemptId).Select(a => a.TimeTakenSeconds).SingleAsync());
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await candidate.PostFormAsync(page, new(), $"{page}?handler=Timer&act=explode")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await candidate.PostFormAsync(page, new(), "/questions/no-such-question?handler=Timer&act=start")).StatusCode);
        using var anonymous = new AppClient(factory);
        var refused = await anonymous.PostFormAsync("/account/login", new(), $"{page}?handler=Timer&act=start");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}
