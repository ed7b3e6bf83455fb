using Microsoft.AspNetCore.Identity;

namespace TpmPrep.Web.Data;

/// <summary>A TpmPrep account: a candidate, a hiring manager or a coach.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>
    /// The name in upper case, kept by the context on every save, so a search matches regardless of case and
    /// the same way on every database (a binary comparison, like Identity's normalised e-mail).
    /// </summary>
    public string NormalizedDisplayName { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    /// <summary>IANA time zone id: where the person's days begin and end, for streaks and "due today".</summary>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>The day of the interview the candidate prepares for, in their own calendar; null when not set.</summary>
    public DateOnly? InterviewDate { get; set; }

    /// <summary>The level the candidate aims at (a level id of the skill model); null when not set.</summary>
    public string? TargetLevelId { get; set; }

    /// <summary>How many reviews a day the queue offers (null: <see cref="Review.ReviewLimits.DefaultDailyCap"/>).</summary>
    public int? ReviewDailyCap { get; set; }
}
