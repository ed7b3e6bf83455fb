using TpmPrep.Web.Access;
using Humanizer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Questions;
using TpmPrep.Web.Review;

namespace TpmPrep.Web.Pages.Review;

public sealed class IndexModel(QuestionSource questions, ReviewService reviews, QuickReviews quick) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public const int PageSize = 25;

    // Not "page": Razor Pages keeps that name for the page route value.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Paged<DueQuestion> Due { get; private set; } = new([], 0, 1, PageSize);

    public IReadOnlyList<string> Retired { get; private set; } = [];

    public ReviewDay Day { get; private set; } = new(ReviewLimits.DefaultDailyCap, 0, 0);

    /// <summary>The retired questions that still exist, by id, for their titles.</summary>
    public IReadOnlyDictionary<string, Question> RetiredQuestions { get; private set; } = new Dictionary<string, Question>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Catalogue = questions.Catalogue;
        var userId = User.RequiredUserId();
        Due = await reviews.DuePageAsync(User.Viewer(), userId, PageNumber, PageSize, cancellationToken);
        Day = await quick.DayAsync(User.Viewer(), userId, cancellationToken);
        Retired = await reviews.RetiredAsync(User.Viewer(), userId, cancellationToken);
        RetiredQuestions = await questions.FindManyAsync(Retired, cancellationToken);
    }

    public async Task<IActionResult> OnPostSnoozeAsync(string questionId, int days, CancellationToken cancellationToken)
    {
        if (!await reviews.SnoozeAsync(User.Viewer(), User.RequiredUserId(), questionId ?? string.Empty, days, cancellationToken))
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
        if (!await reviews.SetRetiredAsync(User.Viewer(), User.RequiredUserId(), questionId ?? string.Empty, retired, cancellationToken))
        {
            return NotFound();
        }

        Message = message;
        return RedirectToPage();
    }
}
