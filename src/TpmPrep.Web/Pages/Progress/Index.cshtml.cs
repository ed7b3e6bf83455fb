using TpmPrep.Web.Access;
using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Charts;
using TpmPrep.Web.Progress;

namespace TpmPrep.Web.Pages.Progress;

public sealed class IndexModel(ProgressService progress, TpmPrep.Web.Coaching.CoachAssignments assignments) : PageModel
{
    /// <summary>What the candidate's coaches assigned.</summary>
    public IReadOnlyList<TpmPrep.Web.Coaching.AssignmentView> Assignments { get; private set; } = [];

    public Dashboard Dashboard { get; private set; } = null!;

    public IHtmlContent Heatmap { get; private set; } = HtmlString.Empty;

    public string TrendSvg { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Dashboard = await progress.GetAsync(User.Viewer(), User.RequiredUserId(), cancellationToken);
        Assignments = await assignments.ForCandidateAsync(User.Viewer(), cancellationToken);
        Heatmap = ActivityHeatmap.Content("activity", Dashboard.DailyCounts, Dashboard.Today);
        TrendSvg = TrendChart.Render(
            "skill-trend",
            "Average rubric score per skill area, month by month",
            Dashboard.TrendMonths.Select(m => m.ToString("MMM yy", CultureInfo.InvariantCulture)).ToList(),
            Dashboard.Skills.Select(s => new TrendLine(s.Title, s.MonthlyAverages)).ToList(),
            new TrendScale(1, 4, [1, 2, 3, 4]));
    }
}
