using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Access;
using TpmPrep.Web.Kits;

namespace TpmPrep.Web.Pages.Kits;

public sealed class DeleteModel(KitService kits) : PageModel
{
    public ConfirmDelete Confirm { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await kits.FindAsync(User.Viewer(), id, cancellationToken) is not { } kit)
        {
            return NotFound();
        }

        Confirm = new ConfirmDelete(
            "this kit",
            $"\"{kit.Title}\" and its list of questions. The questions themselves stay in the banks and among your questions.",
            Url.Page("/Kits/Edit", new { id }) ?? "/kits");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await kits.DeleteAsync(User.Viewer(), id, cancellationToken))
        {
            return NotFound();
        }

        Message = "The kit was deleted.";
        return RedirectToPage("/Kits/Index");
    }
}
