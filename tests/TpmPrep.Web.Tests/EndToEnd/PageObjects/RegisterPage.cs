using Microsoft.Playwright;

namespace TpmPrep.Web.Tests.EndToEnd.PageObjects;

public sealed class RegisterPage(IPage page, string baseUrl)
{
    public Task OpenAsync() => page.GotoAsync(baseUrl + "/account/register");

    public Task SetNameAsync(string name) => page.GetByLabel("Your name").FillAsync(name);

    public Task SetEmailAsync(string email) => page.GetByLabel("Email").FillAsync(email);

    public async Task SetPasswordAsync(string password)
    {
        await page.GetByLabel("Password", new() { Exact = false }).First.FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(password);
    }

    /// <summary>Ticks exactly these roles (one may hold several).</summary>
    public async Task ChooseRolesAsync(params string[] roles)
    {
        foreach (var role in TpmPrep.Web.Accounts.AppRoles.Selectable)
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = TpmPrep.Web.Accounts.AppRoles.Purpose(role) }).SetCheckedAsync(roles.Contains(role));
        }
    }

    public Task SubmitAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

    public async Task RegisterAsync(string name, string email, string password, string role = "Candidate")
    {
        await OpenAsync();
        await CompleteAsync(name, email, password, role);
    }

    /// <summary>Fills in the open form and sends it.</summary>
    public async Task CompleteAsync(string name, string email, string password, string role = "Candidate")
    {
        await SetNameAsync(name);
        await SetEmailAsync(email);
        await SetPasswordAsync(password);
        await ChooseRolesAsync(role);
        await SubmitAsync();
    }
}
