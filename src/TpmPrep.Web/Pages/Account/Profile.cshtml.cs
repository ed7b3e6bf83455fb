using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Pages.Account;

public sealed class ProfileModel(UserManager<AppUser> users, TpmPrep.Web.Catalogue.CatalogueProvider catalogue, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TpmPrep.Content.Model.Level> Levels => catalogue.Current.Levels;

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

        Input = new ProfileInput { DisplayName = user.DisplayName, TimeZone = user.TimeZoneId, InterviewDate = user.InterviewDate, TargetLevel = user.TargetLevelId, ReviewDailyCap = user.ReviewDailyCap };
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

        if (!string.IsNullOrEmpty(Input.TargetLevel) && catalogue.Current.FindLevel(Input.TargetLevel) is null)
        {
            ModelState.AddModelError("Input.TargetLevel", "Choose a level from the list.");
        }

        if (Input.InterviewDate is { } date && TimeZoneInfo.TryFindSystemTimeZoneById(Input.TimeZone ?? string.Empty, out var zone))
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));
            if (date < today)
            {
                ModelState.AddModelError("Input.InterviewDate", "That day has passed: choose the day of your next interview, or leave it empty.");
            }
            else if (date > today.AddYears(2))
            {
                ModelState.AddModelError("Input.InterviewDate", "Choose a day within two years.");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        user.DisplayName = Input.DisplayName!.Trim();
        user.TimeZoneId = Input.TimeZone!;
        user.InterviewDate = Input.InterviewDate;
        user.TargetLevelId = string.IsNullOrEmpty(Input.TargetLevel) ? null : Input.TargetLevel;
        user.ReviewDailyCap = Input.ReviewDailyCap;
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

        [DataType(DataType.Date)]
        public DateOnly? InterviewDate { get; set; }

        [StringLength(80)]
        public string? TargetLevel { get; set; }

        [Range(TpmPrep.Web.Review.ReviewLimits.MinDailyCap, TpmPrep.Web.Review.ReviewLimits.MaxDailyCap, ErrorMessage = "Choose from {1} to {2} reviews a day, or leave it empty for 20.")]
        public int? ReviewDailyCap { get; set; }
    }
}
