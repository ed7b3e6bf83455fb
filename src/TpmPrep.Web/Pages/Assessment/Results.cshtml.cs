using TpmPrep.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Assessments;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Charts;

namespace TpmPrep.Web.Pages.Assessment;

public sealed class ResultsModel(CatalogueProvider catalogue, AssessmentService assessments) : PageModel
{
    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public AssessmentResult Result { get; private set; } = null!;

    public string RadarSvg { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Catalogue = catalogue.Current;
        if (await assessments.ResultAsync(User.Viewer(), id, Catalogue, cancellationToken) is not { } result)
        {
            return NotFound();
        }

        Result = result;
        if (result.IsUnreadable)
        {
            return Page();
        }

        var target = result.Model.FindLevel(result.TargetLevelId);
        RadarSvg = RadarChart.Render(
            "radar",
            $"Your scores against the {target?.Title ?? result.TargetLevelId} profile",
            result.Model.Areas.Select(a => a.Title).ToList(),
            [
                new RadarSeries("Target: " + (target?.Title ?? result.TargetLevelId), result.Areas.Select(a => (double)a.Target).ToList(), RadarStyle.DashedSquares),
                new RadarSeries("You", result.Areas.Select(a => a.Score).ToList(), RadarStyle.SolidFilledCircles),
            ]);
        return Page();
    }
}
