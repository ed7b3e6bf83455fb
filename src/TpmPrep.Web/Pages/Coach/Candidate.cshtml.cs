using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Access;
using TpmPrep.Web.Charts;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Data;
using TpmPrep.Web.Progress;

namespace TpmPrep.Web.Pages.Coach;

/// <summary>One coached candidate: their dashboard when they share their summary, and the ways into what else they share.</summary>
public sealed class CandidateModel(CoachLinks links, ProgressService progress) : PageModel
{
    public CoachedCandidate Link { get; private set; } = null!;

    public Dashboard? Dashboard { get; private set; }

    public IHtmlContent Heatmap { get; private set; } = HtmlString.Empty;

    public string TrendSvg { get; private set; } = string.Empty;

    public bool Shares(CoachScopes scope) => Link.Scopes.HasFlag(scope);

    public async Task<IActionResult> OnGetAsync(int linkId, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(User.Viewer(), linkId, cancellationToken) is not { } link)
        {
            return NotFound();
        }

        Link = link;
        if (Shares(CoachScopes.Summary))
        {
            Dashboard = await progress.GetAsync(User.Viewer(), link.CandidateId, cancellationToken);
            Heatmap = ActivityHeatmap.Content("activity", Dashboard.DailyCounts, Dashboard.Today);
            TrendSvg = TrendChart.Render(
                "skill-trend",
                "Average rubric score per skill area, month by month",
                Dashboard.TrendMonths.Select(m => m.ToString("MMM yy", CultureInfo.InvariantCulture)).ToList(),
                Dashboard.Skills.Select(s => new TrendLine(s.Title, s.MonthlyAverages)).ToList(),
                new TrendScale(1, 4, [1, 2, 3, 4]));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(int linkId, CancellationToken cancellationToken)
    {
        if (!await links.EndAsync(User.Viewer(), linkId, cancellationToken))
        {
            return NotFound();
        }

        TempData["Message"] = "You no longer coach this candidate.";
        return RedirectToPage("/Coach/Index");
    }
}
