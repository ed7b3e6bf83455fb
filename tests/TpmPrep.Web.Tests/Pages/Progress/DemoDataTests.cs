using System.Net;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Pages.Progress;

public sealed class DemoCandidateShowsALivingDashboard
{
    [Fact]
    public async Task SeedDemoCreatesACandidateWithMonthsOfHistoryOnce()
    {
        using var factory = new TpmPrepFactory();
        using var output = new StringWriter();

        var first = await TpmPrep.Web.Demo.SeedDemoCommand.RunAsync(factory.Services, [], output, TextWriter.Null);
        var second = await TpmPrep.Web.Demo.SeedDemoCommand.RunAsync(factory.Services, [], output, TextWriter.Null);

        Assert.Equal((0, 0), (first, second));
        Assert.Contains("log in as demo@tpmprep.local with the password practise-the-loop-26", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("demo@tpmprep.local already exists; nothing changed.", output.ToString(), StringComparison.Ordinal);

        using var demo = new AppClient(factory);
        var login = await demo.PostFormAsync("/account/login", new() { ["Input.Email"] = "demo@tpmprep.local", ["Input.Password"] = "practise-the-loop-26" });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var dashboard = await demo.GetHtmlAsync("/progress");
        Assert.Contains("<strong>260 attempts</strong>", dashboard, StringComparison.Ordinal);
        Assert.Matches("<strong>([2-9]|[1-9][0-9]+)</strong> day current streak", dashboard);
        Assert.Contains("Demo mock interview", await demo.GetHtmlAsync("/practice"), StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart trend\"", await demo.GetHtmlAsync("/assessment"), StringComparison.Ordinal);
        var mine = await demo.GetHtmlAsync("/my-questions");
        Assert.Contains("Tell me about a program you rescued", mine, StringComparison.Ordinal);
        Assert.Contains("Describe a program that was off track", await demo.GetHtmlAsync("/questions/my-1"), StringComparison.Ordinal);

        // The demo hiring manager: two kits, a plan, and a debrief that shows a disagreement and a missing card.
        Assert.Contains("hiring@tpmprep.local already exists; nothing changed.", output.ToString(), StringComparison.Ordinal);
        using var manager = new AppClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync("/account/login", new() { ["Input.Email"] = "hiring@tpmprep.local", ["Input.Password"] = "practise-the-loop-26" })).StatusCode);
        Assert.Contains("2 kits,", await manager.GetHtmlAsync("/kits"), StringComparison.Ordinal);
        var plans = await manager.GetHtmlAsync("/plans");
        var planId = System.Text.RegularExpressions.Regex.Match(plans, "href=\"/plans/(\\d+)\"").Groups[1].Value;
        var plan = await manager.GetHtmlAsync($"/plans/{planId}");
        Assert.Contains("Irene Interviewer", plan, StringComparison.Ordinal);
        string DebriefOf(string name) => System.Text.RegularExpressions.Regex.Match(plan, $"<a [^>]*(?:/debriefs/(\\d+)[^>]*Debrief for {name}|Debrief for {name}[^>]*/debriefs/(\\d+))") is { Success: true } m
            ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : throw new Xunit.Sdk.XunitException("no debrief link for " + name);
        var alex = DebriefOf("Alex Rivera");
        var debrief = WebUtility.HtmlDecode(await manager.GetHtmlAsync($"/debriefs/{alex}"));
        Assert.Contains("The panel disagrees by 2 points or more", debrief, StringComparison.Ordinal);
        Assert.Contains("The recommendations are 2 steps or more apart.", debrief, StringComparison.Ordinal);
        var sam = DebriefOf("Sam Okafor");
        Assert.Contains("Missing scorecards: Ivan Interviewer", WebUtility.HtmlDecode(await manager.GetHtmlAsync($"/debriefs/{sam}")), StringComparison.Ordinal);

        // The demo coach: the demo candidate in the cohort, with figures, and their attempts open.
        Assert.Contains("coach@tpmprep.local already exists; nothing changed.", output.ToString(), StringComparison.Ordinal);
        using var coach = new AppClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFormAsync("/account/login", new() { ["Input.Email"] = "coach@tpmprep.local", ["Input.Password"] = "practise-the-loop-26" })).StatusCode);
        var cohort = await coach.GetHtmlAsync("/coach");
        var linkId = System.Text.RegularExpressions.Regex.Match(cohort, "href=\"/coach/candidates/(\\d+)\">Demo Candidate<").Groups[1].Value;
        Assert.NotEmpty(linkId);
        Assert.Contains("<svg class=\"sparkline\"", cohort, StringComparison.Ordinal);
        // Two assignments: one not yet due, one past due (the cohort's flag), both on the candidate's dashboard.
        Assert.Contains("assignment overdue", cohort, StringComparison.Ordinal);
        var coachCandidate = System.Net.WebUtility.HtmlDecode(await coach.GetHtmlAsync($"/coach/candidates/{linkId}"));
        Assert.Contains("Senior TPM warm-up as a mock interview", coachCandidate, StringComparison.Ordinal);
        Assert.Contains(">not started</span>", coachCandidate, StringComparison.Ordinal);
        Assert.Contains(">past due</span>", coachCandidate, StringComparison.Ordinal);
        Assert.Contains("Set: Senior TPM warm-up", coachCandidate, StringComparison.Ordinal);
        Assert.Contains("id=\"calibration3-heading\"", coachCandidate, StringComparison.Ordinal);
        var coachAttempts = await coach.GetHtmlAsync($"/coach/candidates/{linkId}/attempts");
        Assert.Contains("attempts, newest first", coachAttempts, StringComparison.Ordinal);
        // Comments with a reply waiting for the coach, a coach grade, and private notes.
        Assert.Contains("1 new reply", coachAttempts, StringComparison.Ordinal);
        Assert.Contains("2 threads", coachAttempts, StringComparison.Ordinal);
        Assert.Contains("rehearse stakeholder conflict stories", await coach.GetHtmlAsync($"/coach/candidates/{linkId}"), StringComparison.Ordinal);
        using var candidate = new AppClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/account/login", new() { ["Input.Email"] = "demo@tpmprep.local", ["Input.Password"] = "practise-the-loop-26" })).StatusCode);
        Assert.Contains("1 new comment", await candidate.GetHtmlAsync("/attempts"), StringComparison.Ordinal);
        Assert.Contains("Two questions to warm up", await candidate.GetHtmlAsync("/progress"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingIsSeededWithoutTheCommand()
    {
        using var factory = new TpmPrepFactory();
        using var client = new AppClient(factory);

        var login = await client.PostFormAsync("/account/login", new() { ["Input.Email"] = "demo@tpmprep.local", ["Input.Password"] = "practise-the-loop-26" });

        Assert.Contains("The email or password is wrong.", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
