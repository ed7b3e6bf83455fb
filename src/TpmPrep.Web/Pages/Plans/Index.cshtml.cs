using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Plans;

namespace TpmPrep.Web.Pages.Plans;

/// <summary>The plans one owns (a hiring manager) and the plans one interviews on (anyone named on one).</summary>
public sealed class IndexModel(PlanService plans) : PageModel
{
    public Paged<PlanSummary> Owned { get; private set; } = null!;

    public IReadOnlyList<PlanSummary> Interviewing { get; private set; } = [];

    [BindProperty]
    public string? Title { get; set; }

    public bool MayCreate => User.IsInRole(AppRoles.HiringManager);

    public async Task OnGetAsync(int p, CancellationToken cancellationToken) =>
        (Owned, Interviewing) = await plans.ListAsync(User.Viewer(), p, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayCreate)
        {
            return Forbid();
        }

        if (PlanService.CheckTitle(Title) is { } problem)
        {
            ModelState.AddModelError(nameof(Title), problem);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await OnGetAsync(1, cancellationToken);
            return Page();
        }

        var id = await plans.CreateAsync(User.Viewer(), Title!, cancellationToken);
        TempData["Message"] = "Plan created: add its interviews, interviewers and candidates.";
        return RedirectToPage("/Plans/Details", new { id });
    }
}
