using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Access;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Pages.Coach;

/// <summary>A coached candidate's attempts, newest first, when they share them.</summary>
public sealed class AttemptsModel(CoachLinks links, AttemptService attempts, CoachFeedback feedback) : PageModel
{
    public CoachedCandidate Link { get; private set; } = null!;

    public Paged<AttemptSummary> Attempts { get; private set; } = null!;

    /// <summary>Per attempt of the page: the coach's threads, replies they have not read, and their grade.</summary>
    public IReadOnlyDictionary<int, (int Threads, int Unread, double? Grade)> Marks { get; private set; } = new Dictionary<int, (int, int, double?)>();

    public async Task<IActionResult> OnGetAsync(int linkId, int p, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(User.Viewer(), linkId, cancellationToken) is not { } link)
        {
            return NotFound();
        }

        Link = link;
        // The grant refuses (a 404) when the candidate does not share their attempts.
        Attempts = await attempts.PageAsync(User.Viewer(), link.CandidateId, p, CoachingLimits.AttemptPageSize, cancellationToken);
        Marks = await feedback.CoachMarksAsync(User.Viewer().UserId, Attempts.Items.Select(a => a.Id).ToList(), cancellationToken);
        return Page();
    }
}
