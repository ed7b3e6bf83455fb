using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TpmPrep.Web.Tests.EndToEnd;

/// <summary>The accessibility bar every page a journey visits must clear: axe finds nothing serious or critical.</summary>
internal static class Accessibility
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>
    /// Runs axe on the page as it is now (every rule axe runs by default) and fails with each serious or
    /// critical violation: its rule, its impact, what it asks for and the elements that break it.
    /// </summary>
    public static async Task AssertNoSeriousAccessibilityViolationsAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => BlockingImpacts.Contains(v.Impact, StringComparer.Ordinal)).ToList();

        Assert.True(blocking.Count == 0, $"{page.Url} ({await ViewportAsync(page)}) has {blocking.Count} serious or critical accessibility violation(s):\n{Describe(blocking)}");
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) => string.Join("\n", violations.Select(v =>
        $"- {v.Id} ({v.Impact}): {v.Help}; {v.HelpUrl}\n" + string.Join("\n", v.Nodes.Select(n => $"    at {n.Target}: {n.Html}"))));

    private static async Task<string> ViewportAsync(IPage page) =>
        await page.EvaluateAsync<string>("() => `${window.innerWidth}x${window.innerHeight} viewport`");
}
