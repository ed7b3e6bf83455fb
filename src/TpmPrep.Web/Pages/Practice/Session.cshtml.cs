using TpmPrep.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Questions;
using TpmPrep.Web.Practice;

namespace TpmPrep.Web.Pages.Practice;

[RequestSizeLimit(AnswerRecordings.MaxBytes + (2 * 1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = AnswerRecordings.MaxBytes + (2 * 1024 * 1024))]
public sealed class SessionModel(QuestionSource questions, SessionService sessions, DraftService drafts, TimeProvider clock) : PageModel
{
    /// <summary>A spoken answer: recorded in the page or attached as a file.</summary>
    [BindProperty]
    public IFormFile? Recording { get; set; }

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    [BindProperty]
    public int Position { get; set; }

    [BindProperty]
    public bool Overtime { get; set; }

    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public SessionView Session { get; private set; } = null!;

    public SessionItemView Item { get; private set; } = null!;

    public Question Question { get; private set; } = null!;

    public int QuestionElapsedSeconds { get; private set; }

    public int SessionElapsedSeconds { get; private set; }

    public string? PreviewHtml { get; private set; }

    public AnswerBox AnswerBox => new(User.UserId(), Question.Id, Input.Answer, PreviewHtml);

    public string Clock(int seconds) => (seconds < 0 ? "+" : string.Empty) + $"{Math.Abs(seconds) / 60}:{Math.Abs(seconds) % 60:00}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return await sessions.FindAsync(User.Viewer(), id, cancellationToken) is null ? NotFound() : RedirectToPage("/Practice/Summary", new { id });
        }

        var userId = User.RequiredUserId();
        if (Item.ShownUtc is null)
        {
            // First time on screen: its clock (and the interview's, for the first question) starts now.
            await sessions.MarkShownAsync(User.Viewer(), id, Item.Position, cancellationToken);
        }

        Input.Answer = (await drafts.FindAsync(User.Viewer(), userId, Question.Id, cancellationToken))?.Text;
        return Page();
    }

    /// <summary>"Preview" without script posts here; the answer only goes in with "Submit".</summary>
    public async Task<IActionResult> OnPostAsync(int id, bool preview, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return await sessions.FindAsync(User.Viewer(), id, cancellationToken) is null ? NotFound() : RedirectToPage("/Practice/Summary", new { id });
        }

        if (Position != Item.Position)
        {
            // A stale form (another tab answered this question already): show the current one.
            return RedirectToPage(new { id });
        }

        await SpokenAnswer.CheckAsync(Recording, Input, ModelState, HttpContext.RequestServices.GetRequiredService<ITranscriber>(), preview, cancellationToken);
        if (preview || !ModelState.IsValid)
        {
            PreviewHtml = preview ? Input.PreviewHtml() : null;
            if (preview)
            {
                ModelState.Clear();
            }

            return Page();
        }

        var attemptId = await sessions.AnswerAsync(User.Viewer(), id, Position, Input.Answer!.Trim(), Overtime, cancellationToken);
        if (attemptId is int answered)
        {
            await SpokenAnswer.SaveAsync(Recording, HttpContext.RequestServices.GetRequiredService<AnswerRecordings>(), User.Viewer(), answered, cancellationToken);
        }

        return attemptId is null ? RedirectToPage(new { id }) : RedirectToPage("/Attempts/Grade", new { id = attemptId });
    }

    /// <summary>Seconds since <paramref name="since"/>, within 0 and a day: a stored time from the far past or future cannot overflow the clock.</summary>
    private static int ElapsedSeconds(DateTime? since, DateTime now) =>
        (int)Math.Clamp((now - (since ?? now)).TotalSeconds, 0, AnswerLimits.MaxTimeTakenSeconds);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Catalogue = questions.Catalogue;
        if (await sessions.FindAsync(User.Viewer(), id, cancellationToken) is not { } session
            || session.Current is not { } item
            || await questions.FindAsync(item.QuestionId, cancellationToken) is not { Question: var question })
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Session = session;
        Item = item;
        Question = question;
        QuestionElapsedSeconds = ElapsedSeconds(item.ShownUtc, now);
        SessionElapsedSeconds = ElapsedSeconds(session.StartedUtc, now);
        return true;
    }
}
