using Microsoft.Playwright;

namespace TpmPrep.Web.Tests.EndToEnd.PageObjects;

public sealed class GradePage(IPage page)
{
    public ILocator Criteria => page.GetByRole(AriaRole.Group);

    /// <summary>Picks the anchor numbered <paramref name="score"/> in the criterion's group.</summary>
    public Task GradeAsync(int criterionIndex, int score) =>
        Criteria.Nth(criterionIndex).GetByRole(AriaRole.Radio).Nth(score - 1).CheckAsync();

    public Task SaveAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Save grades" }).ClickAsync();
}
