using Humanizer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Demo;
using TpmPrep.Web.Progress;
using TpmPrep.Web.Review;

namespace TpmPrep.Web.Pages.Review;

public sealed class IndexModel(CatalogueProvider catalogue, ReviewService reviews) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public IReadOnlyList<DueQuestion> Due { get; private set; } = [];

    public IReadOnlyList<string> Retired { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Catalogue = catalogue.Current;
        var userId = User.RequiredUserId();
        Due = await reviews.DueAsync(userId, Catalogue, cancellationToken);
        Retired = await reviews.RetiredAsync(userId, cancellationToken);
    }

    public async Task<IActionResult> OnPostSnoozeAsync(string questionId, int days, CancellationToken cancellationToken)
    {
        if (!await reviews.SnoozeAsync(User.RequiredUserId(), questionId ?? string.Empty, days, cancellationToken))
        {
            return NotFound();
        }

        Message = $"Snoozed for {"day".ToQuantity(days)}.";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostRetireAsync(string questionId, CancellationToken cancellationToken) =>
        SetRetiredAsync(questionId, retired: true, "Retired: it will not come back for review.", cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(string questionId, CancellationToken cancellationToken) =>
        SetRetiredAsync(questionId, retired: false, "Back in your review schedule.", cancellationToken);

    private async Task<IActionResult> SetRetiredAsync(string? questionId, bool retired, string message, CancellationToken cancellationToken)
    {
        if (!await reviews.SetRetiredAsync(User.RequiredUserId(), questionId ?? string.Empty, retired, cancellationToken))
        {
            return NotFound();
        }

        Message = message;
        return RedirectToPage();
    }
}
