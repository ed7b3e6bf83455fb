using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Access;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Pages.Coach;

/// <summary>The whole cohort's reports in one print, a candidate per page, a page of the cohort at a time.</summary>
public sealed class CohortReportModel(CoachReports reports) : PageModel
{
    public IReadOnlyList<CandidateReport> Reports { get; private set; } = [];

    public Paged<CandidateReport> Cohort { get; private set; } = null!;

    public async Task OnGetAsync(int p, CancellationToken cancellationToken)
    {
        var page = Paging.Clamp(p);
        var (items, total) = await reports.CohortAsync(User.Viewer(), page, cancellationToken);
        Reports = items;
        Cohort = new Paged<CandidateReport>(items, total, page, CoachReports.CohortPrintSize);
    }
}
