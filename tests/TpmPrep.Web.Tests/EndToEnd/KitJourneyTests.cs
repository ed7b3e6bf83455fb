using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TpmPrep.Content.Loading;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Tests.EndToEnd.PageObjects;
using TpmPrep.Web.Tests.Infrastructure;
using TpmPrep.Web.Tests.Pages.MyQuestions;

namespace TpmPrep.Web.Tests.EndToEnd;

/// <summary>A hiring manager builds a kit from two bank questions and one of their own, prints it, exports it and imports it back.</summary>
[Collection(EndToEndTests.Name)]
public sealed partial class KitJourneyTests(BrowserFixture browser) : IDisposable
{
    private const string WrittenTitle = "Walk me through a launch you stopped";

    private readonly LiveServer _server = new();

    [Fact]
    public async Task AHiringManagerBuildsPrintsExportsAndImportsAKit()
    {
        var catalogue = _server.Services.GetRequiredService<CatalogueProvider>().Current;
        var questions = catalogue.Banks.SelectMany(b => b.Questions).Where(q => q.Skills.Contains("risk-management")).Take(2).ToList();
        await using var context = await browser.Browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await new RegisterPage(page, _server.BaseUrl).RegisterAsync("Hana Hiring", "hana@example.com", AppClient.Password, "HiringManager");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Interview kits" }).ClickAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New kit" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Senior loop: risk");
        await page.GetByLabel("Target level").SelectOptionAsync("senior-tpm");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Risk management" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Communication" }).CheckAsync();
        await page.GetByLabel("Instructions for the interviewer").FillAsync("Ask in order. **Probe for numbers.**");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create kit" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Senior loop: risk", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No questions yet")).ToBeVisibleAsync();

        // Two bank questions, found by words of their titles.
        foreach (var question in questions)
        {
            await page.GetByLabel("Words of the title").FillAsync(question.Title);
            await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = $"Add “{question.Title}” to the kit" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Question added." })).ToBeVisibleAsync();
        }

        // One of their own, written from the kit's page and checked by the bank rules.
        await page.GetByRole(AriaRole.Link, new() { Name = "Write a question for this kit" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Question in Markdown" }).FillAsync(WrittenQuestionsWorkLikeBankQuestions.Markdown(WrittenTitle));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your question was saved and added to the kit.")).ToBeVisibleAsync();
        var items = page.Locator(".kit-items > li");
        await Assertions.Expect(items).ToHaveCountAsync(3);
        await Assertions.Expect(items.Nth(2)).ToContainTextAsync(WrittenTitle);
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Coverage of the focus areas" })).Not.ToContainTextAsync("No question covers");
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        // Their own question first: moved up twice.
        await page.GetByRole(AriaRole.Button, new() { Name = "Move question 3 up" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move question 2 up" }).ClickAsync();
        await Assertions.Expect(items.Nth(0)).ToContainTextAsync(WrittenTitle);
        if (Environment.GetEnvironmentVariable("TPMPREP_SCREENSHOT_DIR") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "kit-builder.png"), FullPage = true });
        }

        // Printed as the interviewer carries it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Print" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToContainTextAsync("1. " + WrittenTitle);
        await Assertions.Expect(page.Locator("strong").Filter(new() { HasText = "Probe for numbers." })).ToBeVisibleAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rubric" }).First).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GoBackAsync();

        // Exported as a content folder that check-content accepts on its own.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export as Markdown (zip)" }).ClickAsync());
        Assert.Equal("kit-senior-loop-risk.zip", download.SuggestedFilename);
        var zip = Path.Combine(_server.Root, "kit.zip");
        await download.SaveAsAsync(zip);
        var unpacked = Path.Combine(_server.Root, "kit-folder");
        ZipFile.ExtractToDirectory(zip, unpacked);
        var report = new StringWriter();
        Assert.True(ContentCheck.Run([unpacked], report, report) == 0, report.ToString());

        // Imported back: a second kit with the same questions in the same order.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Interview kits" }).ClickAsync();
        await page.GetByLabel("Kit zip").SetInputFilesAsync(zip);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The kit was imported")).ToBeVisibleAsync();
        await Assertions.Expect(items).ToHaveCountAsync(3);
        await Assertions.Expect(items.Nth(0)).ToContainTextAsync(WrittenTitle);
        await Assertions.Expect(items.Nth(1)).ToContainTextAsync(questions[0].Title);
        await Assertions.Expect(items.Nth(2)).ToContainTextAsync(questions[1].Title);
        await page.GotoAsync(_server.BaseUrl + "/kits");
        await Assertions.Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(3); // a header and two kits
    }

    [Fact]
    public async Task TheKitPagesFitAPhoneAndAProposalBecomesAKit()
    {
        await using var context = await browser.Browser.NewContextAsync(PhoneLayout.Options);
        var page = await context.NewPageAsync();
        await new RegisterPage(page, _server.BaseUrl).RegisterAsync("Pia Phone", "pia@example.com", AppClient.Password, "HiringManager");
        await page.GotoAsync(_server.BaseUrl + "/kits/generate");
        await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
        await page.GetByLabel("Target level").SelectOptionAsync("tpm");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Project management" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Leadership" }).CheckAsync();
        await page.GetByLabel("Time for the questions (minutes)").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose", Exact = true }).ClickAsync();
        var proposal = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Proposal") });
        await Assertions.Expect(proposal).ToBeVisibleAsync();
        await Assertions.Expect(proposal.GetByRole(AriaRole.Heading)).ToContainTextAsync(new Regex(@"of 45$"));
        await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a kit" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Kit saved from the proposal")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".kit-items > li").First).ToBeVisibleAsync();
        await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Print" }).ClickAsync();
        await PhoneLayout.AssertFitsAndIsAccessibleAsync(page);
    }

    public void Dispose() => _server.Dispose();
}
