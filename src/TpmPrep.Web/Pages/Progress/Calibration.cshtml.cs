using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Progress;

namespace TpmPrep.Web.Pages.Progress;

/// <summary>The candidate's three-way calibration: self-assessment, own grades and coaches' grades per skill area, over time.</summary>
public sealed class CalibrationModel(ProgressService progress, ThreeWayCalibration calibration, CatalogueProvider catalogue) : PageModel
{
    public CalibrationPanel Panel { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredUserId();
        var dashboard = await progress.GetAsync(User.Viewer(), userId, cancellationToken);
        var view = await calibration.ForAsync(User.Viewer(), userId, dashboard, includeSelf: true, onlyCoachId: null, catalogue.Current, cancellationToken);
        Panel = new CalibrationPanel(view, "Self-assessment", "Your grades", "Coaches' grades",
            "What you claim in your latest self-assessment, how you grade your own answers, and how your coaches grade the same answers.");
    }
}
