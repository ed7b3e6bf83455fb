using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Net;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Practice;

/// <summary>The start page after log-in, and the interview date and target level in the profile that drive it.</summary>
public sealed class TodayPageTests
{
    private static Dictionary<string, string> Profile(string date, string level) => new()
    {
        ["Input.DisplayName"] = "Test Person",
        ["Input.TimeZone"] = "UTC",
        ["Input.InterviewDate"] = date,
        ["Input.TargetLevel"] = level,
    };

    private static string Day(TpmPrepFactory factory, int days) =>
        DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task WithoutADateItSuggestsASteadyWeekAndWithOneItCountsDown()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");

        var week = WebUtility.HtmlDecode(await candidate.GetHtmlAsync("/today"));
        Assert.Contains("No interview date yet: here is a steady week instead.", week, StringComparison.Ordinal);
        Assert.Contains("A steady week", week, StringComparison.Ordinal);
        Assert.Contains("From your own grades", week, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/account/profile", Profile(Day(factory, 10), "senior-tpm"))).StatusCode);
        var profile = await candidate.GetHtmlAsync("/account/profile");
        Assert.Contains($"value=\"{Day(factory, 10)}\"", profile, StringComparison.Ordinal);
        Assert.Contains("<option value=\"senior-tpm\" selected=\"selected\">", profile, StringComparison.Ordinal);

        var plan = WebUtility.HtmlDecode(await candidate.GetHtmlAsync("/today"));
        Assert.Contains("<strong>10 days</strong> to your interview", plan, StringComparison.Ordinal);
        Assert.Contains("Aiming at Senior TPM.", plan, StringComparison.Ordinal);
        Assert.Contains("The days ahead", plan, StringComparison.Ordinal);
        Assert.Equal(10, plan.Split("<th scope=\"row\">").Length - 1);
        Assert.Contains("<strong>Mock interview</strong>", plan, StringComparison.Ordinal);
        Assert.Contains("Answer it now", plan, StringComparison.Ordinal);

        // Answering today's first question ticks it off and moves the next step on.
        var first = System.Text.RegularExpressions.Regex.Match(plan, "href=\"/questions/([a-z0-9-]+)\">Answer it now").Groups[1].Value;
        Assert.NotEmpty(first);
        await candidate.AnswerAsync(first, "today's first answer");
        var after = WebUtility.HtmlDecode(await candidate.GetHtmlAsync("/today"));
        Assert.Contains("<span class=\"tag\">done</span>", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/questions/{first}\">Answer it now", after, StringComparison.Ordinal);
        Assert.Contains("<strong>1 attempt</strong> today", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APastDateOrAnUnknownLevelIsRefusedBesideItsField()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");

        var past = await candidate.PostFormAsync("/account/profile", Profile(Day(factory, -1), "senior-tpm"));
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Contains("That day has passed", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var level = await candidate.PostFormAsync("/account/profile", Profile(Day(factory, 3), "no-such-level"));
        Assert.Contains("Choose a level from the list.", await level.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var far = await candidate.PostFormAsync("/account/profile", Profile(Day(factory, 900), ""));
        Assert.Contains("Choose a day within two years.", await far.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("No interview date yet", await candidate.GetHtmlAsync("/today"), StringComparison.Ordinal);
        // Clearing the date is allowed.
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/account/profile", Profile("", ""))).StatusCode);
    }

    [Fact]
    public async Task TheDailyReviewCapSetsTheReviewsPlannedADay()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        var catalogue = factory.Services.GetRequiredService<TpmPrep.Web.Catalogue.CatalogueProvider>().Current;
        foreach (var question in catalogue.Questions.Take(5).ToList())
        {
            await TpmPrep.Web.Tests.Pages.Practice.PracticeDriver.GradeAsync(candidate, question, await candidate.AnswerAsync(question.Id), 1);
        }

        factory.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/account/profile", Profile(Day(factory, 10), "senior-tpm"))).StatusCode);
        var uncapped = WebUtility.HtmlDecode(await candidate.GetHtmlAsync("/today"));
        Assert.True(uncapped.Contains("Clear 5 reviews due, oldest first.", StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Match(uncapped, "<section class=\"card next-step\"[\\s\\S]{0,400}").Value);
        var profile = Profile(Day(factory, 10), "senior-tpm");
        profile["Input.ReviewDailyCap"] = "2";
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/account/profile", profile)).StatusCode);
        var capped = WebUtility.HtmlDecode(await candidate.GetHtmlAsync("/today"));
        Assert.Contains("Clear 2 reviews due, oldest first.", capped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoggingInLandsOnTodayAndTheAnonymousVisitorIsSentToLogIn()
    {
        using var factory = new TpmPrepFactory();
        using (await AppClient.RegisteredAsync(factory, "cara@example.com"))
        {
        }

        using var again = new AppClient(factory);
        var login = await again.PostFormAsync("/account/login", new() { ["Input.Email"] = "cara@example.com", ["Input.Password"] = AppClient.Password });
        Assert.Equal("/today", login.Headers.Location!.OriginalString);
        using var anonymous = new AppClient(factory);
        Assert.Contains("/account/login", (await anonymous.Http.GetAsync("/today")).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
