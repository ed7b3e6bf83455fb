using System.Globalization;
using Microsoft.Playwright;
using TpmPrep.Web.Tests.EndToEnd.PageObjects;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.EndToEnd;

/// <summary>A candidate sets an interview date and a target level, and the start page counts down with a plan, on a desktop and on a phone.</summary>
[Collection(EndToEndTests.Name)]
public sealed class TodayJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServer _server = new();

    [Fact]
    public async Task SettingAnInterviewDateTurnsTheSteadyWeekIntoACountdown()
    {
        foreach (var phone in new[] { false, true })
        {
            await using var context = await browser.Browser.NewContextAsync(phone ? PhoneLayout.Options : new());
            var page = await context.NewPageAsync();
            var email = phone ? "tia-phone@example.com" : "tia@example.com";
            await new RegisterPage(page, _server.BaseUrl).RegisterAsync("Tia Today", email, AppClient.Password);

            await page.GotoAsync(_server.BaseUrl + "/today");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "A steady week" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Next step" })).ToBeVisibleAsync();
            await PhoneLayout.CheckAsync(page, phone);

            await page.GetByRole(AriaRole.Link, new() { Name = "Set your interview date and target level" }).ClickAsync();
            var date = DateTime.UtcNow.Date.AddDays(12);
            await page.GetByLabel("Interview date").FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.GetByLabel("Target level").SelectOptionAsync(new SelectOptionValue { Label = "Senior TPM" });
            await PhoneLayout.CheckAsync(page, phone);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Profile saved.")).ToBeVisibleAsync();

            await page.GotoAsync(_server.BaseUrl + "/today");
            await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "At a glance" })).ToContainTextAsync("12 days to your interview on " + date.ToString("d MMMM", CultureInfo.InvariantCulture));
            await Assertions.Expect(page.GetByText("Aiming at Senior TPM.")).ToBeVisibleAsync();
            var days = page.GetByRole(AriaRole.Region, new() { Name = "The plan, day by day" }).GetByRole(AriaRole.Row);
            await Assertions.Expect(days).ToHaveCountAsync(13);
            await Assertions.Expect(days.Nth(1)).ToContainTextAsync("Today");
            await PhoneLayout.CheckAsync(page, phone);

            // The next step opens today's first question.
            await page.GetByRole(AriaRole.Link, new() { Name = "Answer it now" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit and grade" })).ToBeVisibleAsync();
        }
    }

    public void Dispose() => _server.Dispose();
}
