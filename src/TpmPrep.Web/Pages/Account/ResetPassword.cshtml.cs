using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Pages.Account;

[EnableRateLimiting(RateLimits.Login)]
public sealed class ResetPasswordModel(PasswordResets resets) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    /// <summary>The account the link resets; null when the link no longer works.</summary>
    public string? Email { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Email = await resets.FindEmailAsync(Token, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Email = await resets.FindEmailAsync(Token, cancellationToken);
        if (Email is null || !ModelState.IsValid)
        {
            return Page();
        }

        if (await resets.ResetAsync(Token!, Input.NewPassword!, cancellationToken) is { } errors)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError("Input.NewPassword", error);
            }

            Email = await resets.FindEmailAsync(Token, cancellationToken);
            return Page();
        }

        Message = "Your password is set. Log in with it now.";
        return RedirectToPage("/Account/Login");
    }
}
