using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Data;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Pages.Account;

[EnableRateLimiting(RateLimits.Login)]
public sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword", error.Code == "PasswordMismatch" ? "That is not your current password." : error.Description);
            }

            return Page();
        }

        // The new security stamp ends every other session at its next check; this one carries on.
        await signIn.RefreshSignInAsync(user);
        Message = "Password changed. Anywhere else you were logged in, you will be asked to log in again.";
        return RedirectToPage("/Account/Profile");
    }

    public sealed class PasswordInput : NewPasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [StringLength(128)]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string? CurrentPassword { get; set; }
    }
}
