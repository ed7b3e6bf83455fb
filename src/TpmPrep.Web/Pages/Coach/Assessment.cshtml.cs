using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Assessments;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Charts;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Pages.Coach;

/// <summary>One self-assessment of a coached candidate, when they share their self-assessments; any other id is a 404.</summary>
public sealed class AssessmentModel(CoachLinks links, AssessmentService assessments, CatalogueProvider catalogue) : PageModel
{
    public CoachedCandidate Link { get; private set; } = null!;

    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public AssessmentResult Result { get; private set; } = null!;

    public string RadarSvg { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int linkId, int id, CancellationToken cancellationToken)
    {
        Catalogue = catalogue.Current;
        if (await links.FindAsync(User.Viewer(), linkId, cancellationToken) is not { } link || !link.Scopes.HasFlag(CoachScopes.Assessments))
        {
            return NotFound();
        }

        // The grant opens the assessments of every candidate who shares them with this coach: the id must be this one's.
        var history = await assessments.HistoryAsync(User.Viewer(), link.CandidateId, cancellationToken);
        if (history.All(h => h.Id != id) || await assessments.ResultAsync(User.Viewer(), id, Catalogue, cancellationToken) is not { } result)
        {
            return NotFound();
        }

        Link = link;
        Result = result;
        if (!result.IsUnreadable)
        {
            var target = result.Model.FindLevel(result.TargetLevelId);
            RadarSvg = RadarChart.Render(
                "radar",
                $"{link.Name}'s scores against the {target?.Title ?? result.TargetLevelId} profile",
                result.Model.Areas.Select(a => a.Title).ToList(),
                [
                    new RadarSeries("Target: " + (target?.Title ?? result.TargetLevelId), result.Areas.Select(a => (double)a.Target).ToList(), RadarStyle.DashedSquares),
                    new RadarSeries(link.Name, result.Areas.Select(a => a.Score).ToList(), RadarStyle.SolidFilledCircles),
                ]);
        }

        return Page();
    }
}
