using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Kits;
using TpmPrep.Web.Plans;

namespace TpmPrep.Web.Pages.Plans;

/// <summary>
/// One plan: its interviews (kit, interviewers), its candidates, and for each the viewer's scorecards and the debrief.
/// The owner changes it here; an interviewer reads it and opens their scorecards.
/// </summary>
public sealed class DetailsModel(PlanService plans, ScorecardService scorecards, KitService kits, CatalogueProvider catalogue) : PageModel
{
    public PlanView Plan { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Title)> Kits { get; private set; } = [];

    public ContentCatalogue Catalogue => catalogue.Current;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await plans.FindAsync(User.Viewer(), id, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        Plan = plan;
        if (plan.IsOwner)
        {
            Kits = await kits.TitlesAsync(User.Viewer(), User.RequiredUserId(), cancellationToken);
        }

        return Page();
    }

    public Task<IActionResult> OnPostAddInterviewAsync(int id, string? title, int? kitId, CancellationToken cancellationToken) =>
        ChangeAsync(id, plans.AddInterviewAsync(User.Viewer(), id, title ?? string.Empty, kitId, cancellationToken), "Interview added.");

    public Task<IActionResult> OnPostSetKitAsync(int id, int interviewId, int? kitId, CancellationToken cancellationToken) =>
        ChangeAsync(id, plans.SetKitAsync(User.Viewer(), id, interviewId, kitId, cancellationToken), "Kit chosen.");

    public Task<IActionResult> OnPostAddInterviewerAsync(int id, int interviewId, string? email, CancellationToken cancellationToken) =>
        ChangeAsync(id, plans.AddInterviewerAsync(User.Viewer(), id, interviewId, email ?? string.Empty, cancellationToken), "Interviewer added.");

    public async Task<IActionResult> OnPostRemoveInterviewerAsync(int id, int interviewId, string? userId, CancellationToken cancellationToken)
    {
        await plans.RemoveInterviewerAsync(User.Viewer(), id, interviewId, userId ?? string.Empty, cancellationToken);
        TempData["Message"] = "Interviewer removed from that interview.";
        return RedirectToPage("/Plans/Details", new { id });
    }

    public Task<IActionResult> OnPostAddCandidateAsync(int id, string? name, string? notes, CancellationToken cancellationToken) =>
        ChangeAsync(id, plans.AddCandidateAsync(User.Viewer(), id, name ?? string.Empty, notes ?? string.Empty, cancellationToken), "Candidate added.");

    /// <summary>Opens (creating the draft the first time) the viewer's scorecard for a candidate in an interview they run.</summary>
    public async Task<IActionResult> OnPostOpenAsync(int id, int interviewId, int candidateId, CancellationToken cancellationToken)
    {
        if (await plans.RoleAsync(User.Viewer(), id, cancellationToken) == PlanRole.None
            || await scorecards.OpenAsync(User.Viewer(), interviewId, candidateId, cancellationToken) is not { } card)
        {
            return NotFound();
        }

        return RedirectToPage("/Plans/Scorecard", new { id = card });
    }

    private async Task<IActionResult> ChangeAsync(int id, Task<string?> change, string done)
    {
        var problem = await change;
        TempData[problem is null ? "Message" : "Problem"] = problem ?? done;
        return RedirectToPage("/Plans/Details", new { id });
    }
}
