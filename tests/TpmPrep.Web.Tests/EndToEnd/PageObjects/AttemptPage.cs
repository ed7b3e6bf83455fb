using Microsoft.Playwright;

namespace TpmPrep.Web.Tests.EndToEnd.PageObjects;

/// <summary>One answer and the grades given to it.</summary>
public sealed class AttemptPage(IPage page)
{
    /// <summary>The average of the grades, as shown beside "Average".</summary>
    public ILocator Average => page.GetByRole(AriaRole.Region, new() { Name = "Your grades" }).GetByText("Average").Locator(".score-pill");
}
