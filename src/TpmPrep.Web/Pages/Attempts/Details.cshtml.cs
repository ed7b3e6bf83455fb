using TpmPrep.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Markdown;
using TpmPrep.Content.Model;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Pages.Attempts;

public sealed class DetailsModel(QuestionSource questions, AttemptService attempts, CoachFeedback feedback) : PageModel
{
    public AttemptDetails Attempt { get; private set; } = null!;

    public Question? Question { get; private set; }

    public string AnswerHtml { get; private set; } = string.Empty;

    public AttemptFeedback Feedback { get; private set; } = new([], []);

    public ThreadsPanel Threads { get; private set; } = new([], false);

    /// <summary>The follow-ups answered for this question: id, which follow-up (from 0), when.</summary>
    public IReadOnlyList<(int Id, int Index, DateTime CreatedUtc)> FollowUps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>The spoken answer, for whoever may read the attempt (the owner, a coach with the attempts scope); seekable.</summary>
    public async Task<IActionResult> OnGetRecordingAsync(int id, CancellationToken cancellationToken)
    {
        if (await HttpContext.RequestServices.GetRequiredService<AnswerRecordings>().OpenAsync(User.Viewer(), id, cancellationToken) is not { } recording)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return new FileStreamResult(recording.Audio, recording.ContentType) { EnableRangeProcessing = true };
    }

    /// <summary>The candidate answers a coach's thread on their attempt.</summary>
    public async Task<IActionResult> OnPostReplyAsync(int id, int threadId, string? body, CancellationToken cancellationToken)
    {
        var (outcome, attemptId) = await feedback.ReplyAsync(User.Viewer(), threadId, body, asCoach: false, cancellationToken);
        if (outcome == FeedbackOutcome.NotFound || attemptId != id)
        {
            return NotFound();
        }

        if (outcome != FeedbackOutcome.Saved)
        {
            return await LoadAsync(id, cancellationToken, threadId, Refusal(outcome, body), body) ? Page() : NotFound();
        }

        TempData["Message"] = "Reply sent.";
        return Redirect(Url.Page("/Attempts/Details", new { id }) + "#t" + threadId);
    }

    public async Task<IActionResult> OnPostResolveAsync(int id, int threadId, bool resolved, CancellationToken cancellationToken)
    {
        var (outcome, attemptId) = await feedback.ResolveAsync(User.Viewer(), threadId, resolved, asCoach: false, cancellationToken);
        if (outcome == FeedbackOutcome.NotFound || attemptId != id)
        {
            return NotFound();
        }

        TempData["Message"] = resolved ? "Thread marked resolved." : "Thread opened again.";
        return Redirect(Url.Page("/Attempts/Details", new { id }) + "#t" + threadId);
    }

    internal static string Refusal(FeedbackOutcome outcome, string? body) => outcome switch
    {
        FeedbackOutcome.TooMany => "This thread is full; start a new one.",
        FeedbackOutcome.QuestionGone => "The question is no longer in the library, so its rubric criteria cannot be chosen; comment on the whole answer.",
        FeedbackOutcome.Invalid => "Choose one of the rubric's criteria, or the whole answer.",
        _ => CoachFeedback.Check(body) ?? "Nothing was saved.",
    };

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken, int? failedThread = null, string? error = null, string? draft = null)
    {
        if (await attempts.FindAsync(User.Viewer(), id, cancellationToken) is not { } attempt)
        {
            return false;
        }

        Attempt = attempt;
        Question = (await questions.FindAsync(attempt.QuestionId, cancellationToken))?.Question;
        // Rendered on read, not stored: a fix to the safe pipeline then protects old answers too.
        AnswerHtml = SafeMarkdown.ToHtml(attempt.Answer);
        Feedback = await feedback.ForOwnerAsync(User.Viewer(), attempt, cancellationToken);
        Threads = new ThreadsPanel(Feedback.Threads, ViewerIsCoach: false, failedThread, error, draft);
        FollowUps = await attempts.FollowUpsAsync(User.Viewer(), attempt.OwnerId, attempt.QuestionId, cancellationToken);
        return true;
    }
}
