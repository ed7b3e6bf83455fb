using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Kits;

namespace TpmPrep.Web.Pages.Kits;

/// <summary>One interview of a ready-made loop: its instructions, questions and coverage, and a copy among the caller's kits.</summary>
public sealed class ReadyKitModel(ReadyMadeKits readyMade) : PageModel
{
    public ContentCatalogue Catalogue => readyMade.Catalogue;

    public InterviewLoop Loop { get; private set; } = null!;

    public ReadyKit Kit { get; private set; } = null!;

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public KitCoverage Coverage { get; private set; } = null!;

    public string? Problem { get; private set; }

    public IActionResult OnGet(string loopId, string kitId) => Load(loopId, kitId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCopyAsync(string loopId, string kitId, CancellationToken cancellationToken)
    {
        var outcome = await readyMade.CopyKitAsync(User.Viewer(), loopId, kitId, cancellationToken);
        if (outcome is null || !Load(loopId, kitId))
        {
            return NotFound();
        }

        if (outcome.Id is { } id)
        {
            TempData["Message"] = $"Copied from the {Loop.Title}: this kit is yours to change.";
            return RedirectToPage("/Kits/Edit", new { id });
        }

        Problem = outcome.Problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private bool Load(string loopId, string kitId)
    {
        if (readyMade.Find(loopId ?? string.Empty, kitId ?? string.Empty) is not { } found)
        {
            return false;
        }

        (Loop, Kit) = found;
        Questions = Kit.Questions(Catalogue).ToList();
        Coverage = KitCoverage.Of(Kit.Focus, Questions);
        return true;
    }
}
