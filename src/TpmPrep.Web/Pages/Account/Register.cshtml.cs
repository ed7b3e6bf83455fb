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
public sealed class RegisterModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    // Candidate is ticked to start with; a post with nothing ticked is asked again.
    public void OnGet() => Input.Roles = [AppRoles.Candidate];

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.Roles.Count == 0 || Input.Roles.Any(r => !AppRoles.Selectable.Contains(r)))
        {
            ModelState.AddModelError("Input.Roles", "Tick at least one: practise, interview or coach.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = new AppUser
        {
            UserName = Input.Email!.Trim(),
            Email = Input.Email!.Trim(),
            DisplayName = Input.DisplayName!.Trim(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(FieldOf(error), error.Description);
            }

            return Page();
        }

        // A role only lets one start things (own plans, accepting invitations): it shows nobody's records.
        await users.AddToRolesAsync(user, Input.Roles.Distinct().ToList());
        await signIn.SignInAsync(user, isPersistent: true);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/banks");
    }

    /// <summary>The field an Identity error is about (the e-mail is the user name too), or none.</summary>
    private static string FieldOf(IdentityError error) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal) || error.Code is "CommonPassword" or "PersonalPassword" ? $"{nameof(Input)}.{nameof(RegisterInput.Password)}"
        : error.Code is "DuplicateUserName" or "DuplicateEmail" or "InvalidUserName" or "InvalidEmail" ? $"{nameof(Input)}.{nameof(RegisterInput.Email)}"
        : string.Empty;

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(80, ErrorMessage = "Your name can be at most {1} characters.")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256, ErrorMessage = "The email address can be at most {1} characters.")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(128, MinimumLength = AccountRules.MinimumPasswordLength, ErrorMessage = "The password must be {2} to {1} characters long.")]
        public string? Password { get; set; }

        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        public string? ConfirmPassword { get; set; }

        [MaxLength(3)]
        public List<string> Roles { get; set; } = [];
    }
}
