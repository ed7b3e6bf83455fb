using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Pages.Account;

[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginModel(PasswordLogin login) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        switch (await login.SignInAsync(Input.Email!, Input.Password!, Input.RememberMe, address, cancellationToken))
        {
            case LoginOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/today");
            case LoginOutcome.Paused:
                ModelState.AddModelError(string.Empty, $"Too many failed log-ins for this email from your network: try again in {LoginThrottle.Window.TotalMinutes:0} minutes.");
                return Page();
            default:
                ModelState.AddModelError(string.Empty, "The email or password is wrong.");
                return Page();
        }
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [StringLength(256)]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(128)]
        public string? Password { get; set; }

        public bool RememberMe { get; set; } = true;
    }
}
