using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Pages.Attempts;

public sealed class IndexModel(AttemptService attempts, CoachFeedback feedback) : PageModel
{
    public const int PageSize = 25;

    // Not "page": Razor Pages keeps that name for the page route value.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Paged<AttemptSummary> Attempts { get; private set; } = new([], 0, 1, PageSize);

    /// <summary>Comments from a coach not read yet, per attempt of the page.</summary>
    public IReadOnlyDictionary<int, int> Unread { get; private set; } = new Dictionary<int, int>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Attempts = await attempts.PageAsync(User.Viewer(), User.RequiredUserId(), PageNumber, PageSize, cancellationToken);
        Unread = await feedback.UnreadForCandidateAsync(User.RequiredUserId(), Attempts.Items.Select(a => a.Id).ToList(), cancellationToken);
        // A page past the end (an old link after deletions) leads to the last one there is.
        return Attempts.Items.Count == 0 && Attempts.Page > 1 ? RedirectToPage(new { p = Attempts.Pages }) : Page();
    }
}
