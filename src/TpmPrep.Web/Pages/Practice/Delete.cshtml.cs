using TpmPrep.Web.Access;
using Humanizer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Practice;

namespace TpmPrep.Web.Pages.Practice;

public sealed class DeleteModel(SessionService sessions, TimeProvider clock) : PageModel
{
    public ConfirmDelete Confirm { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await sessions.FindAsync(User.Viewer(), id, cancellationToken) is not { } session)
        {
            return NotFound();
        }

        Confirm = new ConfirmDelete(
            "this session",
            $"\"{session.Description}\", started {session.CreatedUtc.Ago(clock)}. The answers you gave in it stay in My attempts.",
            Url.Page("/Practice/Summary", new { id })!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await sessions.DeleteAsync(User.Viewer(), id, cancellationToken))
        {
            return NotFound();
        }

        Message = "The session was deleted; its answers are still in My attempts.";
        return RedirectToPage("/Practice/Index");
    }
}
