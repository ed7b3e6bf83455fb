using Microsoft.AspNetCore.OutputCaching;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Questions;
using TpmPrep.Web.Review;

namespace TpmPrep.Web.Pages.Questions;

[OutputCache(PolicyName = ContentCaching.Policy)]
public sealed class DetailsModel(QuestionSource questions, AttemptService attempts, DraftService drafts, ReviewService reviews) : PageModel
{
    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public Question Question { get; private set; } = null!;

    public IReadOnlyList<AttemptSummary> PreviousAttempts { get; private set; } = [];

    public DateTime? NextReviewUtc { get; private set; }

    /// <summary>Who wrote the question in the app; null for a bank question.</summary>
    public string? WrittenBy { get; private set; }

    /// <summary>The database id of a question written in the app, for its edit link.</summary>
    public int? CustomId { get; private set; }

    public bool MayEdit => WrittenBy is not null && WrittenBy == User.UserId();

    public string? PreviewHtml { get; private set; }

    public AnswerBox AnswerBox => new(User.UserId(), Question.Id, Input.Answer, PreviewHtml);


    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await LoadPreviousAttemptsAsync(cancellationToken);
        if (User.UserId() is { } userId && await drafts.FindAsync(User.Viewer(), userId, id, cancellationToken) is { } draft)
        {
            Input.Answer = draft.Text;
        }

        return Page();
    }

    /// <summary>Keeps what is being typed on the server: 204 when saved.</summary>
    public async Task<IActionResult> OnPostDraftAsync(string id, string? text, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (User.UserId() is not { } userId)
        {
            return Unauthorized();
        }

        return await drafts.SaveAsync(User.Viewer(), userId, id, text ?? string.Empty, cancellationToken)
            ? new NoContentResult()
            : BadRequest($"A draft is at most {AnswerLimits.MaxLength:N0} characters.");
    }

    public async Task<IActionResult> OnPostAsync(string id, bool preview, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
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

        var attemptId = await attempts.CreateAsync(User.Viewer(), userId, Question, Input.Answer!.Trim(), Input.TimeTakenSeconds, cancellationToken);
        return RedirectToPage("/Attempts/Grade", new { id = attemptId });
    }

    /// <summary>A bank question for anyone; a question written in the app for whoever may read its author's questions.</summary>
    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Catalogue = questions.Catalogue;
        var found = await questions.FindForAsync(User.UserId() is null ? null : User.Viewer(), id, cancellationToken);
        if (found is null)
        {
            return false;
        }

        Question = found.Question;
        WrittenBy = found.AuthorId;
        CustomId = found.CustomId;
        return true;
    }

    private async Task LoadPreviousAttemptsAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is { } userId)
        {
            PreviousAttempts = await attempts.ListForQuestionAsync(User.Viewer(), userId, Question.Id, 5, cancellationToken);
            NextReviewUtc = await reviews.NextDueAsync(User.Viewer(), userId, Question.Id, cancellationToken);
        }
    }
}
