using Microsoft.Playwright;

namespace TpmPrep.Web.Tests.EndToEnd;

/// <summary>What "works on a phone" means in these tests: a 375-pixel-wide touch screen and no sideways scrolling.</summary>
internal static class PhoneLayout
{
    public static BrowserNewContextOptions Options { get; } = new() { ViewportSize = new() { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true };

    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} scrolls sideways by {overflow}px on a phone");
    }

    /// <summary>The page as it is now fits the phone's width and passes the accessibility check in the phone layout.</summary>
    public static async Task AssertFitsAndIsAccessibleAsync(IPage page)
    {
        await AssertNoSidewaysScrollAsync(page);
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    }

    /// <summary>On a phone, <see cref="AssertFitsAndIsAccessibleAsync"/>; on a desktop, the accessibility check alone.</summary>
    public static Task CheckAsync(IPage page, bool phone) =>
        phone ? AssertFitsAndIsAccessibleAsync(page) : page.AssertNoSeriousAccessibilityViolationsAsync();
}
