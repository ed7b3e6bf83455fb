using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>
/// Writes that read, then insert or update, arrive at the same moment from two tabs or two instances: each
/// ends in one consistent row and no request fails. Runs on whichever database the tests run on.
/// </summary>
public sealed partial class WritesThatRaceEndConsistent
{
    private const string QuestionId = "sd-fleet-update-10000-servers";
    private const int Concurrent = 16;

    [Fact]
    public async Task DraftsSavedAtOnceLeaveOneDraft()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var token = await TokenAsync(candidate, $"/questions/{QuestionId}");

        var responses = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(i => candidate.Http.PostAsync(
            $"/questions/{QuestionId}?handler=Draft",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = $"draft {i}", ["__RequestVerificationToken"] = token }))));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}"));
        using var scope = factory.Services.CreateScope();
        var drafts = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AnswerDrafts.AsNoTracking().Select(d => d.Text).ToListAsync();
        Assert.Matches("^draft [0-9]+$", Assert.Single(drafts));
    }

    [Fact]
    public async Task AssessmentsStartedAtOnceAreOne()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var token = await TokenAsync(candidate, "/assessment");

        var responses = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => candidate.Http.PostAsync(
            "/assessment",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["LevelId"] = "tpm", ["__RequestVerificationToken"] = token }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Select(r => TakeLocation().Match(r.Headers.Location!.OriginalString).Groups[1].Value).Distinct());
        using var scope = factory.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Assessments.CountAsync(a => a.CompletedUtc == null));
    }

    [Fact]
    public async Task OneRatingSavedAtOnceFromAutosaveAndFinishIsOneRow()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var token = await TokenAsync(candidate, "/assessment");
        var start = await candidate.Http.PostAsync("/assessment", new FormUrlEncodedContent(new Dictionary<string, string> { ["LevelId"] = "tpm", ["__RequestVerificationToken"] = token }));
        var id = TakeLocation().Match(start.Headers.Location!.OriginalString).Groups[1].Value;
        var indicator = factory.Services.GetRequiredService<TpmPrep.Web.Catalogue.CatalogueProvider>().Current.Skills[0].Indicators[0].Id;

        var responses = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(i => candidate.Http.PostAsync(
            $"/assessment/{id}/take/1?handler=Rate",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["indicator"] = indicator, ["rating"] = (1 + (i % 5)).ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        using var scope = factory.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().AssessmentRatings.CountAsync(r => r.IndicatorId == indicator));
    }

    [Fact]
    public async Task GradingsAtOnceOfOneQuestionAllCountInItsSchedule()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory);
        var attempts = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            attempts.Add(await candidate.AnswerAsync(QuestionId));
        }

        var token = await TokenAsync(candidate, $"/attempts/{attempts[0]}/grade");
        var responses = await Task.WhenAll(attempts.Select(id => candidate.Http.PostAsync(
            $"/attempts/{id}/grade",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Scores[0]"] = "3", ["Input.Scores[1]"] = "3", ["Input.Scores[2]"] = "3", ["__RequestVerificationToken"] = token }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        using var scope = factory.Services.CreateScope();
        var schedule = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ReviewSchedules.AsNoTracking().SingleAsync();
        Assert.Equal(attempts.Count, schedule.Repetitions);
    }

    [Fact]
    public async Task FailedLogInsAtOnceAreAllCounted()
    {
        using var factory = new TpmPrepFactory();
        using var owner = await AppClient.RegisteredAsync(factory, "raced@example.com");
        using var attacker = new AppClient(factory);
        var token = await TokenAsync(attacker, "/account/login");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => attacker.Http.PostAsync(
            "/account/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "raced@example.com", ["Input.Password"] = $"wrong-password-{i}", ["__RequestVerificationToken"] = token }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        using var scope = factory.Services.CreateScope();
        Assert.Equal(4, (await scope.ServiceProvider.GetRequiredService<AppDbContext>().LoginFailures.AsNoTracking().SingleAsync()).Failures);
    }

    private static async Task<string> TokenAsync(AppClient client, string page)
    {
        var html = await client.GetHtmlAsync(page);
        return WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
    }

    [GeneratedRegex(@"^/assessment/(\d+)/take/")]
    private static partial Regex TakeLocation();
}
