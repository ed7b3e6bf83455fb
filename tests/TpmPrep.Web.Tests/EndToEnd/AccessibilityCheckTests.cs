using Microsoft.Playwright;

namespace TpmPrep.Web.Tests.EndToEnd;

/// <summary>The accessibility check itself: on a real page of the app, under its content security policy, it finds what is broken and says where.</summary>
[Collection(EndToEndTests.Name)]
public sealed class TheAccessibilityCheckNamesEachViolation(BrowserFixture browser) : IDisposable
{
    private readonly LiveServer _server = new();

    [Fact]
    public async Task AnImageWithoutTextAndAnUnnamedButtonFailWithTheirRuleImpactAndTarget()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(_server.BaseUrl + "/banks");
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await page.EvaluateAsync("""
            () => document.querySelector('main').insertAdjacentHTML('beforeend',
                '<img id="probe-image" src="/favicon.ico"><button id="probe-button" type="button"></button>')
            """);
        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(page.AssertNoSeriousAccessibilityViolationsAsync);

        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("button-name (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#probe-image", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#probe-button", failure.Message, StringComparison.Ordinal);
        Assert.Contains("/banks", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _server.Dispose();
}
