using TpmPrep.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Portability;

namespace TpmPrep.Web.Pages.Account;

// The form may be somewhat larger than an import may be, so an oversized file gets its own clear message below.
[RequestSizeLimit(2 * DataPortability.MaxImportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * DataPortability.MaxImportBytes)]
public sealed class DataModel(DataPortability portability, ImportJobs imports, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ImportJobView> Imports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Imports = await imports.RecentAsync(User.Viewer(), User.RequiredUserId(), 5, cancellationToken);

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken cancellationToken)
    {
        var document = await portability.ExportAsync(User.Viewer(), User.RequiredUserId(), cancellationToken);
        return File(System.Text.Encoding.UTF8.GetBytes(DataPortability.ToJson(document)), "application/json", FileName("json"));
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var document = await portability.ExportAsync(User.Viewer(), User.RequiredUserId(), cancellationToken);
        return File(DataPortability.ToCsvZip(document), "application/zip", FileName("zip"));
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(string.Empty, "Choose a TpmPrep export file to import.");
        }
        else if (file.Length > DataPortability.MaxImportBytes)
        {
            ModelState.AddModelError(string.Empty, $"The file is {file.Length / 1024 / 1024:N0} MB; an import takes at most {DataPortability.MaxImportBytes / 1024 / 1024} MB.");
        }
        else
        {
            await using var stream = file.OpenReadStream();
            var (jobId, errors) = await imports.EnqueueAsync(User.Viewer(), User.RequiredUserId(), stream, file.FileName, cancellationToken);
            if (jobId is { } id)
            {
                return RedirectToPage("/Account/Import", new { id });
            }

            foreach (var error in errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }
        }

        Imports = await imports.RecentAsync(User.Viewer(), User.RequiredUserId(), 5, cancellationToken);
        return Page();
    }

    private string FileName(string extension) => $"tpmprep-export-{clock.GetUtcNow():yyyy-MM-dd}.{extension}";
}
