using Microsoft.Playwright;
using TpmPrep.Web.Tests.EndToEnd.PageObjects;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.EndToEnd;

/// <summary>The clock on a practice answer starts when the candidate starts, pauses, and a reload does not reset it.</summary>
[Collection(EndToEndTests.Name)]
public sealed class TimerJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServer _server = new();

    [Fact]
    public async Task TypingStartsTheClockAPauseHoldsItAndAReloadKeepsIt()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await new RegisterPage(page, _server.BaseUrl).RegisterAsync("Tim Timer", "tim@example.com", AppClient.Password);
        await page.GotoAsync(_server.BaseUrl + "/questions/sd-fleet-update-10000-servers");
        var timer = page.GetByRole(AriaRole.Timer, new() { Name = "Time left" });
        await Assertions.Expect(timer).ToContainTextAsync("The clock starts when you start typing");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start the clock" })).ToBeVisibleAsync();

        // Typing starts it; the server says it runs.
        await new QuestionPage(page).TypeAnswerAsync("Canary first, then waves.");
        await Assertions.Expect(timer).ToContainTextAsync("Running");
        var pause = page.GetByRole(AriaRole.Button, new() { Name = "Pause the clock" });
        await Assertions.Expect(pause).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await pause.ClickAsync();
        await Assertions.Expect(timer).ToContainTextAsync("Paused.");
        var resume = page.GetByRole(AriaRole.Button, new() { Name = "Resume the clock" });
        await Assertions.Expect(resume).ToBeVisibleAsync();
        var shown = await timer.Locator("output").InnerTextAsync();

        // A reload keeps the clock where it was paused.
        await page.ReloadAsync();
        await Assertions.Expect(timer).ToContainTextAsync("Paused.");
        await Assertions.Expect(timer.Locator("output")).ToHaveTextAsync(shown);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resume the clock" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume the clock" }).ClickAsync();
        await Assertions.Expect(timer).ToContainTextAsync("Running");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pause the clock" })).ToBeVisibleAsync();
    }

    public void Dispose() => _server.Dispose();
}
