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
public sealed class CandidateModel(CoachLinks links, ProgressService progress, CoachNotes coachNotes) : PageModel
{
    public CoachedCandidate Link { get; private set; } = null!;

    public Dashboard? Dashboard { get; private set; }

    public IHtmlContent Heatmap { get; private set; } = HtmlString.Empty;

    public string TrendSvg { get; private set; } = string.Empty;

    public bool Shares(CoachScopes scope) => Link.Scopes.HasFlag(scope);

    /// <summary>The coach's private notes on this candidate (kept as typed when refused).</summary>
    public string Notes { get; private set; } = string.Empty;

    public DateTime? NotesUpdatedUtc { get; private set; }

    public string? NotesError { get; private set; }

    public async Task<IActionResult> OnGetAsync(int linkId, CancellationToken cancellationToken) =>
        await LoadAsync(linkId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostNotesAsync(int linkId, string? notes, CancellationToken cancellationToken)
    {
        if (CoachNotes.Check(notes) is { } problem)
        {
            if (!await LoadAsync(linkId, cancellationToken))
            {
                return NotFound();
            }

            Notes = notes!;
            NotesError = problem;
            return Page();
        }

        if (!await coachNotes.SaveAsync(User.Viewer(), linkId, notes, cancellationToken))
        {
            return NotFound();
        }

        TempData["Message"] = "Private notes saved.";
        return Redirect(Url.Page("/Coach/Candidate", new { linkId }) + "#notes-heading");
    }

    private async Task<bool> LoadAsync(int linkId, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(User.Viewer(), linkId, cancellationToken) is not { } link
            || await coachNotes.FindAsync(User.Viewer(), linkId, cancellationToken) is not { } note)
        {
            return false;
        }

        Link = link;
        (Notes, NotesUpdatedUtc) = note;
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

        return true;
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
