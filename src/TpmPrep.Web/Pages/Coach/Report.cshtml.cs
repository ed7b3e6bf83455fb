using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Access;
using TpmPrep.Web.Coaching;

namespace TpmPrep.Web.Pages.Coach;

/// <summary>One candidate's printable progress report; any link not the coach's active one is a 404.</summary>
public sealed class ReportModel(CoachReports reports) : PageModel
{
    public CandidateReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int linkId, CancellationToken cancellationToken)
    {
        if (await reports.ForAsync(User.Viewer(), linkId, cancellationToken) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }
}
