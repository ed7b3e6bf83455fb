using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Portability;

namespace TpmPrep.Web.Pages.Account;

// The form may be somewhat larger than an import may be, so an oversized file gets its own clear message below.
[RequestSizeLimit(2 * DataPortability.MaxImportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * DataPortability.MaxImportBytes)]
public sealed class DataModel(DataPortability portability, TimeProvider clock) : PageModel
{
    public ImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken cancellationToken)
    {
        var document = await portability.ExportAsync(User.RequiredUserId(), cancellationToken);
        return File(System.Text.Encoding.UTF8.GetBytes(DataPortability.ToJson(document)), "application/json", FileName("json"));
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var document = await portability.ExportAsync(User.RequiredUserId(), cancellationToken);
        return File(DataPortability.ToCsvZip(document), "application/zip", FileName("zip"));
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(string.Empty, "Choose a TpmPrep export file to import.");
            return Page();
        }

        if (file.Length > DataPortability.MaxImportBytes)
        {
            ModelState.AddModelError(string.Empty, $"The file is {file.Length / 1024 / 1024:N0} MB; an import takes at most {DataPortability.MaxImportBytes / 1024 / 1024} MB.");
            return Page();
        }

        await using var stream = file.OpenReadStream();
        Result = await portability.ImportAsync(User.RequiredUserId(), stream, cancellationToken);
        foreach (var error in Result.Errors)
        {
            ModelState.AddModelError(string.Empty, error);
        }

        return Page();
    }

    private string FileName(string extension) => $"tpmprep-export-{clock.GetUtcNow():yyyy-MM-dd}.{extension}";
}
