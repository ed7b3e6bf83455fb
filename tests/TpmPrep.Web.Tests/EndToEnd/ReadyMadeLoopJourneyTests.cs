using Microsoft.Playwright;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Tests.EndToEnd.PageObjects;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.EndToEnd;

/// <summary>
/// A hiring manager opens the ready-made loops, reads one interview's kit, copies it among their kits, and starts an
/// interview plan from the whole Senior TPM loop, on a desktop and on a phone.
/// </summary>
[Collection(EndToEndTests.Name)]
public sealed class ReadyMadeLoopJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServer _server = new();

    [Fact]
    public async Task AHiringManagerStartsFromAReadyMadeLoop()
    {
        var loop = _server.Services.GetRequiredService<CatalogueProvider>().Current.FindLoop("senior-tpm-loop")!;
        var kit = loop.Kits[1];
        foreach (var phone in new[] { false, true })
        {
            await using var context = await browser.Browser.NewContextAsync(phone ? PhoneLayout.Options : new());
            var page = await context.NewPageAsync();
            await new RegisterPage(page, _server.BaseUrl).RegisterAsync("Rana Ready", phone ? "rana-phone@example.com" : "rana@example.com", AppClient.Password, "HiringManager");

            await page.GotoAsync(_server.BaseUrl + "/kits");
            await page.GetByRole(AriaRole.Link, new() { Name = "Start from a ready-made loop" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ready-made interview loops", Level = 1 })).ToBeVisibleAsync();
            var section = page.GetByRole(AriaRole.Region, new() { Name = loop.Title, Exact = true });
            await Assertions.Expect(section.GetByRole(AriaRole.Row)).ToHaveCountAsync(loop.Kits.Count + 1);
            await PhoneLayout.CheckAsync(page, phone);

            // One interview's kit: its instructions and questions, then a copy of it among the manager's kits.
            await section.GetByRole(AriaRole.Link, new() { Name = kit.Title }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = kit.Title, Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "For the interviewer" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("ol.kit-items > li")).ToHaveCountAsync(kit.QuestionIds.Count);
            await PhoneLayout.CheckAsync(page, phone);
            await page.GetByRole(AriaRole.Button, new() { Name = "Copy to my kits" }).ClickAsync();
            await Assertions.Expect(page.GetByText($"Copied from the {loop.Title}: this kit is yours to change.")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = kit.Title, Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Every focus area has a question, and every question serves the focus.")).ToBeVisibleAsync();

            // A whole plan from the loop: an empty opening is refused beside its field, then a named one starts.
            await page.GotoAsync(_server.BaseUrl + "/kits/ready-made");
            var opening = page.GetByLabel("Opening to start a plan for").Nth(1);
            await opening.FillAsync(" ");
            await section.GetByRole(AriaRole.Button, new() { Name = "Start a plan from this loop" }).ClickAsync();
            await Assertions.Expect(page.Locator("#opening-senior-tpm-loop-error")).ToHaveTextAsync("Give it a title.");
            await PhoneLayout.CheckAsync(page, phone);
            await page.Locator("#opening-senior-tpm-loop").FillAsync("Senior TPM, payments");
            await page.GetByRole(AriaRole.Region, new() { Name = loop.Title, Exact = true }).GetByRole(AriaRole.Button, new() { Name = "Start a plan from this loop" }).ClickAsync();
            await Assertions.Expect(page.GetByText($"Plan started from the {loop.Title}: {loop.Kits.Count} interviews")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Senior TPM, payments", Level = 1 })).ToBeVisibleAsync();
            foreach (var interview in loop.Kits)
            {
                await Assertions.Expect(page.Locator("strong", new() { HasTextString = interview.Title }).First).ToBeVisibleAsync();
            }

            await PhoneLayout.CheckAsync(page, phone);
        }
    }

    public void Dispose() => _server.Dispose();
}
