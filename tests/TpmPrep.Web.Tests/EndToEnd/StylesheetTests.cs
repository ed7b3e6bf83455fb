using Microsoft.Playwright;

namespace TpmPrep.Web.Tests.EndToEnd;

/// <summary>The stylesheet written into each page applies in a real browser under the app's content security policy.</summary>
[Collection(EndToEndTests.Name)]
public sealed class TheInlineStylesheetApplies(BrowserFixture browser) : IDisposable
{
    private readonly LiveServer _server = new();

    [Fact]
    public async Task ThePolicyLetsThePagesOwnStylesheetApplyAndRefusesAnyOtherInlineStyle()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var refused = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Enqueue(message.Text);
            }
        };
        await page.GotoAsync(_server.BaseUrl + "/banks");

        // The skip link waits off-screen until it has the focus: the stylesheet's rule, so the stylesheet applied.
        Assert.Equal("-999px", await page.EvalOnSelectorAsync<string>(".skip-link", "e => getComputedStyle(e).left"));
        Assert.Empty(refused);

        // A style element the page did not come with is refused, so the hash allows that one stylesheet alone.
        await page.EvaluateAsync("() => document.head.insertAdjacentHTML('beforeend', '<style>.skip-link { left: 7px; }</style>')");
        await TpmPrep.Web.Tests.Infrastructure.Eventually.WaitForAsync(() => refused.Count, count => count > 0, "the browser to refuse the added style");
        Assert.Equal("-999px", await page.EvalOnSelectorAsync<string>(".skip-link", "e => getComputedStyle(e).left"));
    }

    public void Dispose() => _server.Dispose();
}
