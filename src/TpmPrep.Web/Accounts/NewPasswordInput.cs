using System.ComponentModel.DataAnnotations;

namespace TpmPrep.Web.Accounts;

/// <summary>A new password typed twice: the fields a password change and a reset link share.</summary>
public class NewPasswordInput
{
    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(128, MinimumLength = AccountRules.MinimumPasswordLength, ErrorMessage = "The password must be {2} to {1} characters long.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string? NewPassword { get; set; }

    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords do not match.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    public string? ConfirmPassword { get; set; }
}
