using Humanizer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Kits;

namespace TpmPrep.Web.Pages.Kits;

/// <summary>The interview loops shipped with the content: each interview's kit to preview or copy, and a plan to start from a whole loop.</summary>
public sealed class ReadyMadeModel(ReadyMadeKits readyMade) : PageModel
{
    public ContentCatalogue Catalogue => readyMade.Catalogue;

    public bool MayStartPlans => User.IsInRole(AppRoles.HiringManager);

    /// <summary>The loop whose "start a plan" form failed, so its problem shows beside that form's field.</summary>
    public string? FailedLoop { get; private set; }

    [BindProperty]
    public string? Opening { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostStartPlanAsync(string loopId, CancellationToken cancellationToken)
    {
        var outcome = await readyMade.StartPlanAsync(User.Viewer(), loopId ?? string.Empty, Opening ?? string.Empty, cancellationToken);
        if (outcome is null)
        {
            return NotFound();
        }

        if (outcome.Id is { } planId)
        {
            var loop = Catalogue.FindLoop(loopId!)!;
            TempData["Message"] = $"Plan started from the {loop.Title}: {"interview".ToQuantity(loop.Kits.Count)}, each with its own copy of the kit. Add the interviewers and candidates.";
            return RedirectToPage("/Plans/Details", new { id = planId });
        }

        FailedLoop = loopId;
        ModelState.AddModelError(nameof(Opening), outcome.Problem!);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
