using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Assessments;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Kits;
using TpmPrep.Web.Charts;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Data;
using TpmPrep.Web.Progress;

namespace TpmPrep.Web.Pages.Coach;

/// <summary>One coached candidate: their dashboard when they share their summary, and the ways into what else they share.</summary>
public sealed class CandidateModel(CoachLinks links, ProgressService progress, CoachNotes coachNotes, CoachAssignments assignments, KitService kits, AssessmentService assessments, CatalogueProvider catalogue, ThreeWayCalibration calibration) : PageModel
{
    /// <summary>Self-assessment (with that scope), the candidate's grades and this coach's grades per skill area.</summary>
    public CalibrationPanel? Calibration { get; private set; }

    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    /// <summary>The coach's assignments for this candidate.</summary>
    public IReadOnlyList<AssignmentView> Assignments { get; private set; } = [];

    /// <summary>The coach's question sets, to assign one.</summary>
    public IReadOnlyList<(int Id, string Title)> Sets { get; private set; } = [];

    /// <summary>The candidate's completed self-assessments, when they share them.</summary>
    public IReadOnlyList<AssessmentSummary> AssessmentHistory { get; private set; } = [];

    [BindProperty]
    public AssignInput Assign { get; set; } = new();

    /// <summary>Problems with the assignment form, by field ("" for the form as a whole).</summary>
    public IReadOnlyList<AssignmentProblem> AssignProblems { get; private set; } = [];

    public string? ProblemFor(string field) => AssignProblems.FirstOrDefault(p => p.Field == field)?.Message;

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

    public async Task<IActionResult> OnPostAssignAsync(int linkId, CancellationToken cancellationToken)
    {
        var request = new AssignmentRequest(Assign.Title ?? string.Empty, Assign.Mode, Assign.Due, Assign.SetId, Assign.SkillId, Assign.LevelId, Assign.Count);
        if (await assignments.CreateAsync(User.Viewer(), linkId, request, cancellationToken) is not { } problems)
        {
            return NotFound();
        }

        if (problems.Count > 0)
        {
            AssignProblems = problems;
            return await LoadAsync(linkId, cancellationToken) ? Page() : NotFound();
        }

        TempData["Message"] = $"Assigned “{Assign.Title!.Trim()}”: it shows on the candidate's dashboard and practice page.";
        return Redirect(Url.Page("/Coach/Candidate", new { linkId }) + "#assignments-heading");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int linkId, int assignmentId, CancellationToken cancellationToken)
    {
        if (!await assignments.WithdrawAsync(User.Viewer(), linkId, assignmentId, cancellationToken))
        {
            return NotFound();
        }

        TempData["Message"] = "Assignment withdrawn.";
        return Redirect(Url.Page("/Coach/Candidate", new { linkId }) + "#assignments-heading");
    }

    public async Task<IActionResult> OnPostNotesAsync(int linkId, string? notes, CancellationToken cancellationToken)
    {
        if (CoachNotes.Check(notes) is { } problem)
        {
            if (!await LoadAsync(linkId, cancellationToken))
            {
                return NotFound();
            }

            NotesError = problem;
            Notes = notes!;
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
        Catalogue = catalogue.Current;
        (Notes, NotesUpdatedUtc) = note;

        Assignments = await assignments.ForCoachAsync(User.Viewer(), linkId, cancellationToken) ?? [];
        Sets = await kits.TitlesAsync(User.Viewer(), User.Viewer().UserId, cancellationToken);
        if (Shares(CoachScopes.Assessments))
        {
            AssessmentHistory = await assessments.HistoryAsync(User.Viewer(), link.CandidateId, cancellationToken);
        }

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
            var view = await calibration.ForAsync(User.Viewer(), link.CandidateId, Dashboard, Shares(CoachScopes.Assessments), User.Viewer().UserId, Catalogue, cancellationToken);
            Calibration = new CalibrationPanel(view, "Self-assessment", "Their grades", "Your grades",
                Shares(CoachScopes.Assessments)
                    ? $"What {link.Name} claims in their self-assessment, how they grade their own answers, and how you grade the same answers."
                    : $"How {link.Name} grades their own answers beside how you grade them (they do not share their self-assessments).");
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

    public sealed class AssignInput
    {
        public string? Title { get; set; }

        public SessionMode Mode { get; set; }

        public DateOnly? Due { get; set; }

        public int? SetId { get; set; }

        public string? SkillId { get; set; }

        public string? LevelId { get; set; }

        public int Count { get; set; } = 5;
    }
}
