using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Demo;
using TpmPrep.Web.Progress;
using TpmPrep.Web.Review;

namespace TpmPrep.Web.Pages.Questions;

public sealed class DetailsModel(CatalogueProvider catalogue, AttemptService attempts, DraftService drafts, ReviewService reviews) : PageModel
{
    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public Question Question { get; private set; } = null!;

    public IReadOnlyList<AttemptSummary> PreviousAttempts { get; private set; } = [];

    public DateTime? NextReviewUtc { get; private set; }

    public string? PreviewHtml { get; private set; }

    public AnswerBox AnswerBox => new(User.UserId(), Question.Id, Input.Answer, PreviewHtml);


    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        await LoadPreviousAttemptsAsync(cancellationToken);
        if (User.UserId() is { } userId && await drafts.FindAsync(userId, id, cancellationToken) is { } draft)
        {
            Input.Answer = draft.Text;
        }

        return Page();
    }

    /// <summary>Keeps what is being typed on the server: 204 when saved.</summary>
    public async Task<IActionResult> OnPostDraftAsync(string id, string? text, CancellationToken cancellationToken)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        if (User.UserId() is not { } userId)
        {
            return Unauthorized();
        }

        return await drafts.SaveAsync(userId, id, text ?? string.Empty, cancellationToken)
            ? new NoContentResult()
            : BadRequest($"A draft is at most {AnswerLimits.MaxLength:N0} characters.");
    }

    public async Task<IActionResult> OnPostAsync(string id, bool preview, CancellationToken cancellationToken)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        if (User.UserId() is not { } userId)
        {
            return Challenge();
        }

        if (preview || !ModelState.IsValid)
        {
            // Without script, "Preview" posts the form: show the rendered answer and keep everything typed.
            PreviewHtml = preview ? Input.PreviewHtml() : null;
            if (preview)
            {
                ModelState.Clear();
            }

            await LoadPreviousAttemptsAsync(cancellationToken);
            return Page();
        }

        var attemptId = await attempts.CreateAsync(userId, Question, Input.Answer!.Trim(), Input.TimeTakenSeconds, cancellationToken);
        return RedirectToPage("/Attempts/Grade", new { id = attemptId });
    }

    private bool Load(string id)
    {
        Catalogue = catalogue.Current;
        if (Catalogue.FindQuestion(id) is not { } question)
        {
            return false;
        }

        Question = question;
        return true;
    }

    private async Task LoadPreviousAttemptsAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is { } userId)
        {
            PreviousAttempts = await attempts.ListForQuestionAsync(userId, Question.Id, 5, cancellationToken);
            NextReviewUtc = await reviews.NextDueAsync(userId, Question.Id, cancellationToken);
        }
    }
}
