using Microsoft.AspNetCore.OutputCaching;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Lists;
using TpmPrep.Web.Questions;
using TpmPrep.Web.Review;

namespace TpmPrep.Web.Pages.Questions;

[OutputCache(PolicyName = ContentCaching.Policy)]
[RequestSizeLimit(AnswerRecordings.MaxBytes + (2 * 1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = AnswerRecordings.MaxBytes + (2 * 1024 * 1024))]
public sealed class DetailsModel(QuestionSource questions, AttemptService attempts, DraftService drafts, ReviewService reviews, TimeProvider clock) : PageModel
{
    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    /// <summary>A spoken answer: recorded in the page (site.js fills this field) or attached as a file.</summary>
    [BindProperty]
    public IFormFile? Recording { get; set; }

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

    /// <summary>The clock on this answer, as the server keeps it.</summary>
    public AnswerTimer Timer { get; private set; } = AnswerTimer.NotStarted;

    public int TimerElapsed { get; private set; }

    public bool Bookmarked { get; private set; }

    /// <summary>The candidate's lists, to add this bank question to.</summary>
    public IReadOnlyList<ListSummary> Lists { get; private set; } = [];

    /// <summary>The candidate's lists that hold this question already.</summary>
    public IReadOnlyList<ListSummary> InLists { get; private set; } = [];

    /// <summary>
    /// Starts, pauses or resumes the clock. A script asks for JSON (the seconds on the clock and the state); without
    /// one, the form posts here with the answer typed so far, which is kept as the draft, and the page comes back.
    /// </summary>
    public async Task<IActionResult> OnPostTimerAsync(string id, string? act, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (User.UserId() is not { } userId)
        {
            return Challenge();
        }

        if (!Enum.TryParse<TimerAction>(act, ignoreCase: true, out var action) || !Enum.IsDefined(action))
        {
            return BadRequest("Say start, pause or resume.");
        }

        if (Input.Answer is { } typed && typed.Length <= AnswerLimits.MaxLength)
        {
            await drafts.SaveAsync(User.Viewer(), userId, id, typed, cancellationToken);
        }

        var timer = await drafts.TimerAsync(User.Viewer(), userId, id, action, cancellationToken);
        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
        {
            return new JsonResult(new { elapsed = timer.ElapsedSeconds(clock.GetUtcNow().UtcDateTime), state = timer.State });
        }

        return Redirect(Url.Page("/Questions/Details", new { id }) + "#answer-heading");
    }


    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await LoadPreviousAttemptsAsync(cancellationToken);
        if (User.UserId() is { } userId)
        {
            if (await drafts.FindAsync(User.Viewer(), userId, id, cancellationToken) is { } draft)
            {
                Input.Answer = draft.Text;
            }

            await LoadTimerAsync(userId, cancellationToken);
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

        // A spoken answer may stand without typed text: the transcript (when a transcriber is configured) or a line saying so.
        await SpokenAnswer.CheckAsync(Recording, Input, ModelState, HttpContext.RequestServices.GetRequiredService<ITranscriber>(), preview, cancellationToken);
        if (preview || !ModelState.IsValid)
        {
            // Without script, "Preview" posts the form: show the rendered answer and keep everything typed.
            PreviewHtml = preview ? Input.PreviewHtml() : null;
            if (preview)
            {
                ModelState.Clear();
            }

            await LoadPreviousAttemptsAsync(cancellationToken);
            await LoadTimerAsync(userId, cancellationToken);
            return Page();
        }

        // The server's clock when the candidate started it (pauses left out); the page's own count otherwise.
        await LoadTimerAsync(userId, cancellationToken);
        var seconds = Timer.Started ? TimerElapsed : Input.TimeTakenSeconds;
        var attemptId = await attempts.CreateAsync(User.Viewer(), userId, Question, Input.Answer!.Trim(), seconds, cancellationToken);
        await SpokenAnswer.SaveAsync(Recording, SignedInOnly.Get<AnswerRecordings>(HttpContext), User.Viewer(), attemptId, cancellationToken);

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

    private async Task LoadTimerAsync(string userId, CancellationToken cancellationToken)
    {
        Timer = await drafts.FindTimerAsync(User.Viewer(), userId, Question.Id, cancellationToken);
        TimerElapsed = Timer.ElapsedSeconds(clock.GetUtcNow().UtcDateTime);
    }

    private async Task LoadPreviousAttemptsAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is { } userId)
        {
            PreviousAttempts = await attempts.ListForQuestionAsync(User.Viewer(), userId, Question.Id, 5, cancellationToken);
            NextReviewUtc = await reviews.NextDueAsync(User.Viewer(), userId, Question.Id, cancellationToken);
            if (WrittenBy is null)
            {
                var lists = SignedInOnly.Get<QuestionLists>(HttpContext);
                Bookmarked = (await lists.BookmarkedAsync(User.Viewer(), userId, [Question.Id], cancellationToken)).Count > 0;
                Lists = (await lists.ListsAsync(User.Viewer(), userId, cancellationToken)).Where(l => !l.Bookmarks).ToList();
                InLists = await lists.ListsHoldingAsync(User.Viewer(), userId, Question.Id, cancellationToken);
            }
        }
    }
}
