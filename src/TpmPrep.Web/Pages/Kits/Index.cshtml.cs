using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Kits;

namespace TpmPrep.Web.Pages.Kits;

/// <summary>The hiring manager's interview kits, latest change first, and the way in for a kit zip.</summary>
[RequestSizeLimit(KitFormat.MaxZipBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = KitFormat.MaxZipBytes + (64 * 1024))]
public sealed class IndexModel(KitService kits, KitPortability portability) : PageModel
{
    public Paged<KitSummary> Kits { get; private set; } = null!;

    public IReadOnlyList<string> ImportProblems { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(int p, CancellationToken cancellationToken) =>
        Kits = await kits.ListAsync(User.Viewer(), User.RequiredUserId(), p, cancellationToken);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ImportProblems = ["Choose a kit zip to import."];
        }
        else if (file.Length > KitFormat.MaxZipBytes)
        {
            ImportProblems = [$"The file is {file.Length / 1024:N0} KB; a kit zip is {KitFormat.MaxZipBytes / (1024 * 1024)} MB at most."];
        }
        else
        {
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            var outcome = await portability.ImportAsync(User.Viewer(), User.RequiredUserId(), buffer, cancellationToken);
            if (outcome.KitId is { } id)
            {
                Message = outcome.WrittenQuestions == 0
                    ? "The kit was imported."
                    : $"The kit was imported; {Humanizer.ToQuantityExtensions.ToQuantity("question", outcome.WrittenQuestions)} not in this app's banks {(outcome.WrittenQuestions == 1 ? "is" : "are")} now among your questions.";
                return RedirectToPage("/Kits/Edit", new { id });
            }

            ImportProblems = outcome.Problems;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        Kits = await kits.ListAsync(User.Viewer(), User.RequiredUserId(), 1, cancellationToken);
        return Page();
    }
}
