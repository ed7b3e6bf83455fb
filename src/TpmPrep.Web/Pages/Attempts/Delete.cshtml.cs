using TpmPrep.Web.Access;
using Humanizer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Pages.Attempts;

public sealed class DeleteModel(AttemptService attempts, TimeProvider clock) : PageModel
{
    public ConfirmDelete Confirm { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await attempts.FindAsync(User.Viewer(), id, cancellationToken) is not { } attempt)
        {
            return NotFound();
        }

        Confirm = new ConfirmDelete(
            "this attempt",
            $"Your answer to \"{attempt.QuestionTitle}\" from {attempt.CreatedUtc.Ago(clock)}, with its grades and notes. Your review schedule for the question stays as it is.",
            Url.Page("/Attempts/Details", new { id })!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await attempts.DeleteAsync(User.Viewer(), id, cancellationToken))
        {
            return NotFound();
        }

        Message = "The attempt was deleted.";
        return RedirectToPage("/Attempts/Index");
    }
}
