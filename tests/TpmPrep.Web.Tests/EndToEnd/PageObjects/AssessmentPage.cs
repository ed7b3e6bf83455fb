using Microsoft.Playwright;

namespace TpmPrep.Web.Tests.EndToEnd.PageObjects;

/// <summary>The self-assessment, driven with the keyboard only.</summary>
public sealed class AssessmentPage(IPage page)
{
    public ILocator Statements => page.GetByRole(AriaRole.Group);

    public ILocator Progress => page.GetByRole(AriaRole.Progressbar, new() { Name = "Statements rated" });

    /// <summary>Presses Tab until a radio button has focus, as a keyboard user would.</summary>
    public async Task TabToFirstStatementAsync()
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("() => document.activeElement?.type === 'radio'"))
            {
                return;
            }
        }

        throw new InvalidOperationException("Tab never reached a statement");
    }

    /// <summary>Rates every statement of the section: Space picks level 1, the arrow moves to the level wanted, Tab goes on.</summary>
    public async Task RateSectionWithKeyboardAsync(int level)
    {
        var count = await Statements.CountAsync();
        await TabToFirstStatementAsync();
        for (var i = 0; i < count; i++)
        {
            await page.Keyboard.PressAsync("Space");
            for (var step = 1; step < level; step++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }

            await page.Keyboard.PressAsync("Tab");
        }
    }

    /// <summary>Focus is on the first button after the last statement; Enter presses it.</summary>
    public Task PressFocusedButtonAsync() => page.Keyboard.PressAsync("Enter");
}
