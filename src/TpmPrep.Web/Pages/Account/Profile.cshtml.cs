using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Pages.Account;

public sealed class ProfileModel(UserManager<AppUser> users) : PageModel
{
    private static readonly Lazy<IReadOnlyList<string>> AllZones = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append("UTC").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<string> TimeZones => AllZones.Value;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Input = new ProfileInput { DisplayName = user.DisplayName, TimeZone = user.TimeZoneId };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(Input.TimeZone ?? string.Empty, out _))
        {
            ModelState.AddModelError("Input.TimeZone", "Choose a time zone from the list.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        user.DisplayName = Input.DisplayName!.Trim();
        user.TimeZoneId = Input.TimeZone!;
        await users.UpdateAsync(user);
        Message = "Profile saved.";
        return RedirectToPage();
    }

    public sealed class ProfileInput
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(80, ErrorMessage = "Your name can be at most {1} characters.")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Choose a time zone.")]
        [StringLength(64)]
        public string? TimeZone { get; set; } = "UTC";
    }
}
