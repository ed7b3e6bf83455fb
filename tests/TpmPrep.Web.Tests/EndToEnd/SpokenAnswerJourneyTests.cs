using Microsoft.Playwright;
using TpmPrep.Web.Tests.EndToEnd.PageObjects;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.EndToEnd;

/// <summary>
/// A candidate answers aloud: records from the (fake) microphone, which starts the clock, hears it back, submits, and
/// plays the recording on the grading page. Desktop and phone, with axe.
/// </summary>
[Collection(EndToEndTests.Name)]
public sealed class SpokenAnswerJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServer _server = new();

    [Fact]
    public async Task RecordASpokenAnswerAndPlayItBackWhileGrading()
    {
        foreach (var phone in new[] { false, true })
        {
            var options = new BrowserNewContextOptions(phone ? PhoneLayout.Options : new()) { Permissions = ["microphone"] };
            await using var context = await browser.Browser.NewContextAsync(options);
            var page = await context.NewPageAsync();
            await new RegisterPage(page, _server.BaseUrl).RegisterAsync("Sam Spoken", phone ? "sam-phone@example.com" : "sam@example.com", AppClient.Password);

            await page.GotoAsync(_server.BaseUrl + "/questions/risk-known-bug-may-hurt-sales");
            var status = page.Locator("[data-record-status]");
            await page.GetByRole(AriaRole.Button, new() { Name = "● Record" }).ClickAsync();
            await Assertions.Expect(status).ToContainTextAsync("Recording");
            // Recording started the clock on the server.
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pause the clock" })).ToBeVisibleAsync();
            // Stop once the recorder has handed over some audio (it does every second, and says so).
            await Assertions.Expect(status).ToContainTextAsync("s so far");
            await page.GetByRole(AriaRole.Button, new() { Name = "■ Stop" }).ClickAsync();
            await Assertions.Expect(status).ToContainTextAsync("Play it back below; it is sent with your answer.");
            var preview = page.GetByLabel("Your recording, before you submit");
            await Assertions.Expect(preview).ToBeVisibleAsync();
            await PhoneLayout.CheckAsync(page, phone);

            // Nothing typed: the recording is the answer.
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit and grade" }).ClickAsync();
            await Assertions.Expect(new GradePage(page).Criteria.First).ToBeVisibleAsync();
            var player = page.GetByLabel("Your spoken answer");
            await Assertions.Expect(player).ToBeVisibleAsync();
            // The browser can read it: its length is known and it plays.
            await page.WaitForFunctionAsync(
                "() => { const a = document.querySelector('figure.recording audio'); return a && a.readyState >= 1 && a.duration > 0; }",
                null, new() { Timeout = 60_000 });
            await player.EvaluateAsync("a => { a.muted = true; return a.play(); }");
            await page.WaitForFunctionAsync("() => document.querySelector('figure.recording audio').currentTime > 0", null, new() { Timeout = 60_000 });
            await PhoneLayout.CheckAsync(page, phone);
        }
    }

    public void Dispose() => _server.Dispose();
}
