using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Accounts;

namespace TpmPrep.Web.Pages.Admin;

public sealed class UsersModel(UserAdministration administration) : PageModel
{
    [BindProperty]
    public RoleInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await administration.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && !await administration.ChangeRoleAsync(Input.UserId!, Input.Role!))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Users = await administration.ListAsync(cancellationToken);
            return Page();
        }

        Message = "Role changed.";
        return RedirectToPage();
    }

    public sealed class RoleInput
    {
        [Required]
        [StringLength(64)]
        public string? UserId { get; set; }

        [Required]
        [StringLength(32)]
        public string? Role { get; set; }
    }
}
