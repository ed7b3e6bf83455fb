using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TpmPrep.Content.Model;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Tests.EndToEnd.PageObjects;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.EndToEnd;

[Collection(EndToEndTests.Name)]
public sealed partial class AssessmentJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServer _server = new();

    [Fact]
    public async Task KeyboardOnlyAssessmentSurvivesLeavingHalfwayAndEndsWithAChartAndQuestionsToPractise()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await new RegisterPage(page, _server.BaseUrl).RegisterAsync("Kim Keys", "kim@example.com", AppClient.Password);
        var skills = Skills();
        var half = skills.Count / 2;
        var ratedByThen = skills.Take(half).Sum(s => s.Indicators.Count).ToString(CultureInfo.InvariantCulture);

        await page.GotoAsync(_server.BaseUrl + "/assessment");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Senior TPM" }).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Enter");
        var assessment = new AssessmentPage(page);
        await Assertions.Expect(page.GetByText($"Section 1 of {skills.Count}")).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        for (var section = 1; section <= half; section++)
        {
            await assessment.RateSectionWithKeyboardAsync(level: 4);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" })).ToBeFocusedAsync();
            await assessment.PressFocusedButtonAsync();
            await Assertions.Expect(page.GetByText($"Section {section + 1} of {skills.Count}")).ToBeVisibleAsync();
        }

        // Leave halfway, then come back from the assessment page.
        await page.GotoAsync(_server.BaseUrl + "/banks");
        await page.GotoAsync(_server.BaseUrl + "/assessment");
        await Assertions.Expect(page.GetByText($"{ratedByThen} of {skills.Sum(s => s.Indicators.Count)} statements rated")).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue the assessment" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText($"Section {half + 1} of {skills.Count}")).ToBeVisibleAsync();
        await Assertions.Expect(assessment.Progress).ToHaveAttributeAsync("value", ratedByThen);

        // Level 4 (75) everywhere but the last area, rated 2 (25).
        for (var section = half + 1; section <= skills.Count; section++)
        {
            var last = section == skills.Count;
            await Assertions.Expect(page.GetByText($"Section {section} of {skills.Count}")).ToBeVisibleAsync();
            await assessment.RateSectionWithKeyboardAsync(level: last ? 2 : 4);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = last ? "Finish and see results" : "Save and continue" })).ToBeFocusedAsync();
            await assessment.PressFocusedButtonAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Self-assessment results" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Your scores against the Senior TPM profile" })).ToBeVisibleAsync();
        var weakest = page.GetByRole(AriaRole.Region, new() { Name = "Score per skill area" }).GetByRole(AriaRole.Row, new() { Name = skills[^1].Title });
        await Assertions.Expect(weakest.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("25");
        await Assertions.Expect(weakest).ToContainTextAsync("Gap");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        var practise = page.GetByRole(AriaRole.Region, new() { Name = "What to practise next" });
        var firstQuestion = practise.GetByRole(AriaRole.Link).First;
        var title = await firstQuestion.TextContentAsync();
        await firstQuestion.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(QuestionUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title!, Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    }

    [Fact]
    public async Task ChoicesAreSavedAsTheyAreMadeWithoutPressingSave()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await new RegisterPage(page, _server.BaseUrl).RegisterAsync("Ava Auto", "ava@example.com", AppClient.Password);
        await page.GotoAsync(_server.BaseUrl + "/assessment");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        var firstGroup = page.GetByRole(AriaRole.Group).First;
        await firstGroup.GetByRole(AriaRole.Radio).Nth(2).CheckAsync();
        await Assertions.Expect(page.GetByText("Saved.")).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await Assertions.Expect(page.GetByText($"1 of {Skills().Sum(s => s.Indicators.Count)} statements rated")).ToBeVisibleAsync();
        await page.ReloadAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Group).First.GetByRole(AriaRole.Radio).Nth(2)).ToBeCheckedAsync();
    }

    [Fact]
    public async Task ResultsPrintWithoutTheSiteChrome()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await new RegisterPage(page, _server.BaseUrl).RegisterAsync("Pat Print", "pat@example.com", AppClient.Password);
        await page.GotoAsync(_server.BaseUrl + "/assessment");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        var sections = Skills().Count;
        for (var section = 1; section <= sections; section++)
        {
            // The section's own page, not the one still on screen while the last click navigates away.
            await Assertions.Expect(page.GetByText($"Section {section} of {sections}")).ToBeVisibleAsync();
            foreach (var group in await page.GetByRole(AriaRole.Group).AllAsync())
            {
                await group.GetByRole(AriaRole.Radio).Nth(3).CheckAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = section == sections ? "Finish and see results" : "Save and continue" }).ClickAsync();
        }

        if (Environment.GetEnvironmentVariable("TPMPREP_SCREENSHOT_DIR") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "assessment-results.png"), FullPage = true });
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Self-assessment results" })).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Your scores against the TPM profile" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print or save as PDF" })).ToBeHiddenAsync();
    }

    [Fact]
    public async Task TheAssessmentFitsAPhoneScreen()
    {
        await using var context = await browser.NewContextAsync(PhoneLayout.Options);
        var page = await context.NewPageAsync();
        await new RegisterPage(page, _server.BaseUrl).RegisterAsync("Phil Phone", "phil@example.com", AppClient.Password);
        await page.GotoAsync(_server.BaseUrl + "/assessment");
        await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).TapAsync();
        var sections = Skills().Count;

        for (var section = 1; section <= sections; section++)
        {
            await Assertions.Expect(page.GetByText($"Section {section} of {sections}")).ToBeVisibleAsync();
            await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
            foreach (var group in await page.GetByRole(AriaRole.Group).AllAsync())
            {
                await group.GetByRole(AriaRole.Radio).Nth(2).TapAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = section == sections ? "Finish and see results" : "Save and continue" }).TapAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Your scores against the TPM profile" })).ToBeVisibleAsync();
        await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
    }

    public void Dispose() => _server.Dispose();

    /// <summary>The skill areas in the order the assessment asks about them: one section each.</summary>
    private IReadOnlyList<SkillArea> Skills() => _server.Services.GetRequiredService<CatalogueProvider>().Current.Skills;

    [GeneratedRegex(@"/questions/[a-z0-9-]+$")]
    private static partial Regex QuestionUrl();
}
