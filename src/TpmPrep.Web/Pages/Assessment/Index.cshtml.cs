using TpmPrep.Web.Access;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Assessments;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Charts;

namespace TpmPrep.Web.Pages.Assessment;

public sealed class IndexModel(CatalogueProvider catalogue, AssessmentService assessments) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Choose the level you are aiming for.")]
    [StringLength(80)]
    public string? LevelId { get; set; }

    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public AssessmentInProgress? Unfinished { get; private set; }

    public int ResumeSection { get; private set; } = 1;

    public int IndicatorCount { get; private set; }

    public IReadOnlyList<AssessmentSummary> History { get; private set; } = [];

    public string? TrendSvg { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await assessments.StartAsync(User.Viewer(), User.RequiredUserId(), LevelId!, catalogue.Current, cancellationToken) is { } id)
        {
            await LoadAsync(cancellationToken);
            return RedirectToPage("/Assessment/Take", new { id, section = ResumeSection });
        }

        ModelState.AddModelError(nameof(LevelId), "Choose one of the levels listed.");
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Catalogue = catalogue.Current;
        IndicatorCount = Catalogue.Skills.Sum(s => s.Indicators.Count);
        var userId = User.RequiredUserId();
        if (await assessments.FindUnfinishedIdAsync(User.Viewer(), userId, cancellationToken) is { } unfinishedId)
        {
            Unfinished = await assessments.FindAsync(User.Viewer(), unfinishedId, cancellationToken);
            var firstIncomplete = Catalogue.Skills.ToList().FindIndex(s => s.Indicators.Any(i => !Unfinished!.Ratings.ContainsKey(i.Id)));
            ResumeSection = firstIncomplete < 0 ? Math.Max(1, Catalogue.Skills.Count) : firstIncomplete + 1;
        }

        History = await assessments.HistoryAsync(User.Viewer(), userId, cancellationToken);
        if (History.Count >= 2)
        {
            TrendSvg = TrendChart.Render(
                "trend",
                "Self-assessment scores over time",
                History.Select(h => h.CompletedUtc!.Value.ToString("d MMM yy", System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                Catalogue.Skills.Select(s => new TrendLine(s.Title, History.Select(h => h.Scores.TryGetValue(s.Id, out var v) ? (double?)v : null).ToList())).ToList());
        }
    }
}
