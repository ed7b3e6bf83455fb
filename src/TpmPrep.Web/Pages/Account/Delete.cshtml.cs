using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TpmPrep.Web.Data;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Pages.Account;

[EnableRateLimiting(RateLimits.Login)]
public sealed class DeleteModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(Password) || Password.Length > 128 || !await users.CheckPasswordAsync(user, Password))
        {
            ModelState.AddModelError(nameof(Password), "That is not your password; nothing was deleted.");
            return Page();
        }

        // Attempts, schedules, assessments, sessions and drafts go with the user (cascading foreign keys).
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, "The account could not be deleted: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return Page();
        }

        // Spoken answers are files, not rows: they go now too.
        HttpContext.RequestServices.GetRequiredService<TpmPrep.Web.Attempts.AnswerRecordings>().DeleteAll(user.Id);

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Deleted");
    }
}
