using Microsoft.Playwright;

namespace TpmPrep.Web.Tests.EndToEnd.PageObjects;

public sealed class QuestionPage(IPage page)
{
    public ILocator AnswerBox => page.GetByRole(AriaRole.Textbox, new() { Name = "Answer" });

    public ILocator Timer => page.GetByRole(AriaRole.Timer);

    public Task TypeAnswerAsync(string text) => AnswerBox.FillAsync(text);

    public Task SubmitAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Submit and grade" }).ClickAsync();
}
