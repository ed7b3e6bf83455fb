using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Charts;
using TpmPrep.Web.Data;
using TpmPrep.Web.Plans;

namespace TpmPrep.Web.Pages.Plans;

/// <summary>
/// The debrief of one candidate: every submitted card by interview and focus area, disagreements and missing cards
/// marked, the mechanical aggregate beside the recommendations, a chart, and the owner's decision with its rationale.
/// </summary>
public sealed class DebriefModel(ScorecardService scorecards, PlanService plans, CatalogueProvider catalogue) : PageModel
{
    public DebriefView Debrief { get; private set; } = null!;

    public ContentCatalogue Catalogue => catalogue.Current;

    [BindProperty]
    public HiringDecision Decision { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    public string Chart => DebriefChart.Render("debrief-chart", $"Ratings of {Debrief.Candidate.Name} by focus area", Debrief.Areas.Select(area => new DebriefRow(
        Catalogue.SkillTitle(area),
        Debrief.Cards.Where(c => c.Figures.Areas.ContainsKey(area)).Select(c => (c.Figures.InterviewerName, c.Figures.Areas[area])).ToList(),
        Debrief.AreaMeans.TryGetValue(area, out var mean) ? mean : null,
        Debrief.DisagreeingAreas.Contains(area))).ToList());

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await scorecards.DebriefAsync(User.Viewer(), id, cancellationToken) is not { } debrief)
        {
            return NotFound();
        }

        Debrief = debrief;
        Decision = debrief.Candidate.Decision;
        Rationale = debrief.Candidate.DecisionRationale;
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, CancellationToken cancellationToken)
    {
        var problem = await plans.DecideAsync(User.Viewer(), id, Decision, Rationale ?? string.Empty, cancellationToken);
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(Rationale), problem);
            Debrief = (await scorecards.DebriefAsync(User.Viewer(), id, cancellationToken))!;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Message"] = "Decision recorded.";
        return RedirectToPage("/Plans/Debrief", new { id });
    }
}
