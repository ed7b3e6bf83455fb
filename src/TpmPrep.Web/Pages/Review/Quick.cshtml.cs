using Humanizer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Questions;
using TpmPrep.Web.Review;

namespace TpmPrep.Web.Pages.Review;

/// <summary>
/// A quick review of one question in two steps: outline the answer in a few minutes, then see the strong-answer points
/// and tick the ones the outline covered; saving moves the schedule and goes on to the next question due.
/// </summary>
public sealed class QuickModel(QuestionSource questions, QuickReviews quick, ReviewService reviews, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Outline { get; set; }

    /// <summary>When the outline was started (UTC ticks), carried by the form; only the candidate's own time depends on it.</summary>
    [BindProperty]
    public long Started { get; set; }

    [BindProperty]
    public List<int> Covered { get; set; } = [];

    public Question Question { get; private set; } = null!;

    /// <summary>True once the outline is in and the points are shown.</summary>
    public bool Revealed { get; private set; }

    public ReviewDay Day { get; private set; } = new(ReviewLimits.DefaultDailyCap, 0, 0);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Started = clock.GetUtcNow().UtcDateTime.Ticks;
        return Page();
    }

    public async Task<IActionResult> OnPostRevealAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (OutlineProblem(Outline) is { } problem)
        {
            ModelState.AddModelError(nameof(Outline), problem);
            return Page();
        }

        Revealed = true;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (OutlineProblem(Outline) is { } problem)
        {
            ModelState.AddModelError(nameof(Outline), problem);
            return Page();
        }

        if (Covered.Any(i => i < 0 || i >= Question.StrongAnswerPointsHtml.Count))
        {
            ModelState.AddModelError(nameof(Covered), "Tick only the points shown.");
            Revealed = true;
            return Page();
        }

        var seconds = TpmPrep.Web.Attempts.AnswerLimits.SecondsSince(Started, clock.GetUtcNow().UtcDateTime);
        var userId = User.RequiredUserId();
        var result = await quick.SaveAsync(User.Viewer(), userId, Question, Outline!.Trim(), Covered, seconds, cancellationToken);
        var day = await quick.DayAsync(User.Viewer(), userId, cancellationToken);
        var next = day.Left > 0 ? (await reviews.DueAsync(User.Viewer(), userId, 2, cancellationToken)).FirstOrDefault(d => d.InLibrary && d.QuestionId != id) : null;
        TempData["Message"] = $"Covered {result.Covered} of {result.Points} points: next review in {"day".ToQuantity(result.NextIntervalDays)}."
            + (next is null ? (day.CapReached ? $" That was today's {day.Cap}: the rest wait for tomorrow." : string.Empty) : string.Empty);
        return next is null ? RedirectToPage("/Review/Index") : RedirectToPage("/Review/Quick", new { id = next.QuestionId });
    }

    public static string? OutlineProblem(string? outline) =>
        string.IsNullOrWhiteSpace(outline) ? "Write your outline first: the points you would make, in a few lines."
        : outline.Length > ReviewLimits.MaxOutlineLength ? $"An outline is at most {ReviewLimits.MaxOutlineLength:N0} characters; this one has {outline.Length:N0}. Keep it to the main points."
        : null;

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await questions.FindForAsync(User.Viewer(), id, cancellationToken) is not { } found)
        {
            return false;
        }

        Question = found.Question;
        Day = await quick.DayAsync(User.Viewer(), User.RequiredUserId(), cancellationToken);
        return true;
    }
}
