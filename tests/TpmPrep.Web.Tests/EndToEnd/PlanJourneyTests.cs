using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TpmPrep.Web.Tests.EndToEnd.PageObjects;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.EndToEnd;

/// <summary>
/// A hiring manager plans an interview with a kit, a candidate and two interviewers; the second interviewer cannot read
/// the first's scorecard until submitting their own; the debrief then shows both, with the disagreement marked.
/// </summary>
[Collection(EndToEndTests.Name)]
public sealed class PlanJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServer _server = new();

    [Fact]
    public async Task ScorecardsStayIndependentAndTheDebriefShowsTheDisagreement()
    {
        await using var ownerContext = await browser.Browser.NewContextAsync();
        await using var firstContext = await browser.Browser.NewContextAsync();
        await using var secondContext = await browser.Browser.NewContextAsync();
        var owner = await ownerContext.NewPageAsync();
        var first = await firstContext.NewPageAsync();
        var second = await secondContext.NewPageAsync();
        await new RegisterPage(first, _server.BaseUrl).RegisterAsync("Ann First", "ann@example.com", AppClient.Password);
        await new RegisterPage(second, _server.BaseUrl).RegisterAsync("Bo Second", "bo@example.com", AppClient.Password);
        await new RegisterPage(owner, _server.BaseUrl).RegisterAsync("Hana Hiring", "hana@example.com", AppClient.Password, "HiringManager");

        // A kit proposed for one focus area, then the plan.
        await owner.GotoAsync(_server.BaseUrl + "/kits/generate");
        await owner.GetByLabel("Title").FillAsync("Leadership interview");
        await owner.GetByLabel("Target level").SelectOptionAsync("senior-tpm");
        await owner.GetByRole(AriaRole.Checkbox, new() { Name = "Leadership" }).CheckAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Propose", Exact = true }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save as a kit" }).ClickAsync();
        await owner.GetByRole(AriaRole.Link, new() { Name = "Interview plans" }).ClickAsync();
        await owner.GetByLabel("Opening").FillAsync("Senior TPM, platform");
        await owner.GetByRole(AriaRole.Button, new() { Name = "New plan" }).ClickAsync();
        await owner.GetByLabel("Interview", new() { Exact = true }).FillAsync("Leadership");
        await owner.GetByRole(AriaRole.Region, new() { Name = "Interviews" }).GetByLabel("Kit").Last.SelectOptionAsync(new SelectOptionValue { Label = "Leadership interview" });
        await owner.GetByRole(AriaRole.Button, new() { Name = "Add interview" }).ClickAsync();
        foreach (var email in new[] { "ann@example.com", "bo@example.com" })
        {
            await owner.GetByLabel("Interviewer's e-mail").FillAsync(email);
            await owner.GetByRole(AriaRole.Button, new() { Name = "Add interviewer" }).ClickAsync();
            await Assertions.Expect(owner.GetByText("Interviewer added.")).ToBeVisibleAsync();
        }

        await owner.GetByLabel("Name").FillAsync("Casey Candidate");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Add candidate" }).ClickAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Row).Filter(new() { HasText = "Casey Candidate" })).ToBeVisibleAsync();
        await owner.AssertNoSeriousAccessibilityViolationsAsync();
        var planUrl = owner.Url;

        // The first interviewer fills in and submits a card.
        await first.GotoAsync(planUrl);
        await first.GetByRole(AriaRole.Button, new() { Name = "Start scorecard: Casey Candidate, Leadership" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Heading, new() { Name = "Casey Candidate: Leadership", Level = 1 })).ToBeVisibleAsync();
        await first.AssertNoSeriousAccessibilityViolationsAsync();
        var firstCardUrl = first.Url;
        await first.GetByRole(AriaRole.Textbox).First.FillAsync("Named the three risks and an owner for each: first-card-evidence.");
        await first.GetByRole(AriaRole.Group, new() { Name = "Leadership", Exact = true }).GetByText("4 · Strong evidence").ClickAsync();
        await first.GetByRole(AriaRole.Radio, new() { Name = "Strong yes" }).CheckAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Submit scorecard" }).ClickAsync();
        await Assertions.Expect(first.GetByText("Scorecard submitted.")).ToBeVisibleAsync();

        // The second cannot read it, nor the debrief, before submitting their own.
        Assert.Equal(404, (await second.GotoAsync(firstCardUrl))!.Status);
        await second.GotoAsync(planUrl);
        await second.GetByRole(AriaRole.Button, new() { Name = "Start scorecard: Casey Candidate, Leadership" }).ClickAsync();
        var secondCardUrl = second.Url;
        await second.GotoAsync(planUrl);
        await second.GetByRole(AriaRole.Link, new() { Name = "Debrief for Casey Candidate" }).ClickAsync();
        await Assertions.Expect(second.GetByText("Submit your own scorecard first.")).ToBeVisibleAsync();
        await Assertions.Expect(second.GetByText("Ann First")).ToHaveCountAsync(0);
        await second.GotoAsync(secondCardUrl);
        // A draft saves itself as it is typed, and survives a reload.
        await second.GetByRole(AriaRole.Textbox).First.FillAsync("Talked about the goal; no owners or dates when asked.");
        await Assertions.Expect(second.GetByRole(AriaRole.Status).Filter(new() { HasText = "Draft saved." })).ToBeVisibleAsync();
        await second.ReloadAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Textbox).First).ToHaveValueAsync("Talked about the goal; no owners or dates when asked.");
        await second.GetByRole(AriaRole.Group, new() { Name = "Leadership", Exact = true }).GetByText("2 · Some evidence").ClickAsync();
        await second.GetByRole(AriaRole.Radio, new() { Name = "No", Exact = true }).CheckAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Submit scorecard" }).ClickAsync();
        await Assertions.Expect(second.GetByText("Scorecard submitted.")).ToBeVisibleAsync();
        await second.GotoAsync(firstCardUrl);
        await Assertions.Expect(second.GetByText("first-card-evidence")).ToBeVisibleAsync();

        // The debrief: both cards, the two-point disagreement marked.
        await owner.GotoAsync(planUrl);
        await owner.GetByRole(AriaRole.Link, new() { Name = "Debrief for Casey Candidate" }).ClickAsync();
        var grid = owner.GetByRole(AriaRole.Table);
        await Assertions.Expect(grid.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ann First" })).ToContainTextAsync("Strong yes");
        await Assertions.Expect(grid.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bo Second" })).ToContainTextAsync("No");
        await Assertions.Expect(owner.GetByText(new Regex("The panel disagrees by 2 points or more on Leadership"))).ToBeVisibleAsync();
        await Assertions.Expect(owner.Locator("svg.chart.debrief")).ToBeVisibleAsync();
        await owner.AssertNoSeriousAccessibilityViolationsAsync();
        if (Environment.GetEnvironmentVariable("TPMPREP_SCREENSHOT_DIR") is { Length: > 0 } folder)
        {
            await owner.ScreenshotAsync(new() { Path = Path.Combine(folder, "debrief.png"), FullPage = true });
        }

        await owner.GetByRole(AriaRole.Radio, new() { Name = "Hire", Exact = true }).CheckAsync();
        await owner.GetByLabel("Rationale: why, against the evidence above").FillAsync("Strong on ownership; the second interview's gap is coachable.");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(owner.GetByText("Decision recorded.")).ToBeVisibleAsync();
    }

    public void Dispose() => _server.Dispose();
}
