using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Markdown;
using TpmPrep.Web.Access;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Coaching;

namespace TpmPrep.Web.Pages.Coach;

/// <summary>One attempt of a coached candidate: the answer and their grades, never their notes to self.</summary>
public sealed class AttemptModel(CoachLinks links, AttemptService attempts) : PageModel
{
    public CoachedCandidate Link { get; private set; } = null!;

    public AttemptDetails Attempt { get; private set; } = null!;

    public string AnswerHtml { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int linkId, int id, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(User.Viewer(), linkId, cancellationToken) is not { } link
            || await attempts.FindAsync(User.Viewer(), id, cancellationToken) is not { } attempt
            || attempt.OwnerId != link.CandidateId)
        {
            return NotFound();
        }

        Link = link;
        Attempt = attempt;
        AnswerHtml = SafeMarkdown.ToHtml(attempt.Answer);
        return Page();
    }
}
