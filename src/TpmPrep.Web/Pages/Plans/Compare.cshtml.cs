using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Plans;

namespace TpmPrep.Web.Pages.Plans;

/// <summary>The candidates of a plan side by side (areas, aggregate, recommendations), and how each interviewer rates against the panel.</summary>
public sealed class CompareModel(ScorecardService scorecards, CatalogueProvider catalogue) : PageModel
{
    public PlanView Plan { get; private set; } = null!;

    public IReadOnlyList<(PlanCandidateView Candidate, IReadOnlyList<DebriefCard> Cards)> Rows { get; private set; } = [];

    public IReadOnlyList<InterviewerCalibration> Calibration { get; private set; } = [];

    public IReadOnlyList<string> Areas { get; private set; } = [];

    public ContentCatalogue Catalogue => catalogue.Current;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await scorecards.CompareAsync(User.Viewer(), id, cancellationToken) is not { } compared)
        {
            return NotFound();
        }

        (Plan, Rows) = compared;
        Areas = Plan.Interviews.SelectMany(i => i.Focus).Distinct(StringComparer.Ordinal).ToList();
        Calibration = DebriefMath.Calibrate(Rows.SelectMany(r => r.Cards).Select(c => c.Figures).ToList());
        return Page();
    }
}
