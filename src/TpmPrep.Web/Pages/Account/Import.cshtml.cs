using TpmPrep.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Portability;

namespace TpmPrep.Web.Pages.Account;

public sealed class ImportModel(ImportJobs imports) : PageModel
{
    public ImportJobView Import { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await imports.FindAsync(User.Viewer(), id, cancellationToken) is not { } import)
        {
            return NotFound();
        }

        Import = import;
        return Page();
    }

    /// <summary>The progress as JSON, for the page's script to follow without reloading.</summary>
    public async Task<IActionResult> OnGetStatusAsync(int id, CancellationToken cancellationToken) =>
        await imports.FindAsync(User.Viewer(), id, cancellationToken) is { } import
            ? new JsonResult(new { status = import.Status.ToString(), done = import.DoneRecords, total = import.TotalRecords, percent = import.Percent, finished = import.IsFinished })
            : NotFound();
}
