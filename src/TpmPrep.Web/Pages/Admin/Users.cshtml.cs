using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;

namespace TpmPrep.Web.Pages.Admin;

public sealed class UsersModel(UserAdministration administration) : PageModel
{
    [BindProperty]
    public RoleInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    [StringLength(100)]
    public string? Search { get; set; }

    // Not "page": Razor Pages keeps that name for the page route value.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public UserPage Users { get; private set; } = new([], 0, 1, UserAdministration.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await administration.ListAsync(User.Viewer(), Search, PageNumber, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && !await administration.SetRolesAsync(User.Viewer(), Input.UserId!, Input.Roles, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Users = await administration.ListAsync(User.Viewer(), Search, PageNumber, cancellationToken);
            return Page();
        }

        Message = "Roles saved.";
        return RedirectToPage();
    }

    public sealed class RoleInput
    {
        [Required]
        [StringLength(64)]
        public string? UserId { get; set; }

        /// <summary>The roles ticked; none ticked is allowed (an account that only signs in).</summary>
        [MaxLength(3)]
        public List<string> Roles { get; set; } = [];
    }
}
