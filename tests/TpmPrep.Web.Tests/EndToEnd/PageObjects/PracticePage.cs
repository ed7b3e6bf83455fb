using Microsoft.Playwright;

namespace TpmPrep.Web.Tests.EndToEnd.PageObjects;

/// <summary>Starting and running a practice session or mock interview.</summary>
public sealed class PracticePage(IPage page, string baseUrl)
{
    public ILocator AnswerBox => page.GetByRole(AriaRole.Textbox, new() { Name = "Answer" });

    public ILocator TimeUp => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Time is up" });

    public ILocator QuestionTitle => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public async Task StartMockInterviewAsync(int questions, string bank)
    {
        await page.GotoAsync(baseUrl + "/practice");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Mock interview" }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Banks" }).GetByRole(AriaRole.Checkbox, new() { Name = bank, Exact = true }).CheckAsync();
        await page.GetByLabel("Number of questions").FillAsync(questions.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the session" }).ClickAsync();
    }

    public Task SubmitAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Submit and grade" }).ClickAsync();

    public Task KeepGoingAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Keep going in overtime" }).ClickAsync();
}
