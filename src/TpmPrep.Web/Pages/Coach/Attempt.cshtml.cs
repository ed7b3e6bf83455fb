using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Markdown;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Pages.Attempts;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Pages.Coach;

/// <summary>
/// One attempt of a coached candidate: the answer and their grades (never their notes to self), the coach's own grade,
/// and the coach's comment threads with the candidate's replies.
/// </summary>
public sealed class AttemptModel(CoachLinks links, AttemptService attempts, QuestionSource questions, CoachFeedback feedback) : PageModel
{
    public CoachedCandidate Link { get; private set; } = null!;

    public AttemptDetails Attempt { get; private set; } = null!;

    public Question? Question { get; private set; }

    public string AnswerHtml { get; private set; } = string.Empty;

    public AttemptFeedback Feedback { get; private set; } = new([], []);

    public ThreadsPanel Threads { get; private set; } = new([], true);

    /// <summary>The criterion chosen for a new thread (-1: the whole answer), kept when the comment is refused.</summary>
    public int Criterion { get; private set; } = -1;

    public async Task<IActionResult> OnGetAsync(int linkId, int id, CancellationToken cancellationToken) =>
        await LoadAsync(linkId, id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommentAsync(int linkId, int id, int criterion, string? body, CancellationToken cancellationToken)
    {
        var question = await QuestionOfAsync(id, cancellationToken);
        var (outcome, threadId) = await feedback.StartThreadAsync(User.Viewer(), linkId, id, question, criterion < 0 ? null : criterion, body, cancellationToken);
        if (outcome == FeedbackOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome != FeedbackOutcome.Saved)
        {
            Criterion = criterion;
            return await LoadAsync(linkId, id, cancellationToken, 0, DetailsModel.Refusal(outcome, body), body) ? Page() : NotFound();
        }

        TempData["Message"] = "Comment added.";
        return Redirect(Url.Page("/Coach/Attempt", new { linkId, id }) + "#t" + threadId);
    }

    public async Task<IActionResult> OnPostReplyAsync(int linkId, int id, int threadId, string? body, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(User.Viewer(), linkId, cancellationToken) is null)
        {
            return NotFound();
        }

        var (outcome, attemptId) = await feedback.ReplyAsync(User.Viewer(), threadId, body, asCoach: true, cancellationToken);
        if (outcome == FeedbackOutcome.NotFound || attemptId != id)
        {
            return NotFound();
        }

        if (outcome != FeedbackOutcome.Saved)
        {
            return await LoadAsync(linkId, id, cancellationToken, threadId, DetailsModel.Refusal(outcome, body), body) ? Page() : NotFound();
        }

        TempData["Message"] = "Reply sent.";
        return Redirect(Url.Page("/Coach/Attempt", new { linkId, id }) + "#t" + threadId);
    }

    public async Task<IActionResult> OnPostResolveAsync(int linkId, int id, int threadId, bool resolved, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(User.Viewer(), linkId, cancellationToken) is null)
        {
            return NotFound();
        }

        var (outcome, attemptId) = await feedback.ResolveAsync(User.Viewer(), threadId, resolved, asCoach: true, cancellationToken);
        if (outcome == FeedbackOutcome.NotFound || attemptId != id)
        {
            return NotFound();
        }

        TempData["Message"] = resolved ? "Thread marked resolved." : "Thread opened again.";
        return Redirect(Url.Page("/Coach/Attempt", new { linkId, id }) + "#t" + threadId);
    }

    private async Task<Question?> QuestionOfAsync(int attemptId, CancellationToken cancellationToken)
    {
        // Read through the coach's grant: an attempt they may not read gives no question (and the write is refused anyway).
        var attempt = await attempts.FindAsync(User.Viewer(), attemptId, cancellationToken);
        return attempt is null ? null : (await questions.FindAsync(attempt.QuestionId, cancellationToken))?.Question;
    }

    private async Task<bool> LoadAsync(int linkId, int id, CancellationToken cancellationToken, int? failedThread = null, string? error = null, string? draft = null)
    {
        if (await links.FindAsync(User.Viewer(), linkId, cancellationToken) is not { } link
            || await attempts.FindAsync(User.Viewer(), id, cancellationToken) is not { } attempt
            || attempt.OwnerId != link.CandidateId)
        {
            return false;
        }

        Link = link;
        Attempt = attempt;
        AnswerHtml = SafeMarkdown.ToHtml(attempt.Answer);
        Question = (await questions.FindAsync(attempt.QuestionId, cancellationToken))?.Question;
        Feedback = await feedback.ForCoachAsync(User.Viewer(), link, id, cancellationToken) ?? new([], []);
        Threads = new ThreadsPanel(Feedback.Threads, ViewerIsCoach: true, failedThread, error, draft);
        return true;
    }
}
