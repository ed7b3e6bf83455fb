using TpmPrep.Web.Access;
using Humanizer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Assessments;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Pages.Assessment;

public sealed class DeleteModel(AssessmentService assessments, TimeProvider clock) : PageModel
{
    public ConfirmDelete Confirm { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await assessments.FindAsync(User.Viewer(), id, cancellationToken) is not { } assessment)
        {
            return NotFound();
        }

        Confirm = new ConfirmDelete(
            "this self-assessment",
            $"The self-assessment you started {assessment.StartedUtc.Ago(clock)}{(assessment.IsCompleted ? ", with its results" : ", not finished yet")}: {"rating".ToQuantity(assessment.Ratings.Count)}.",
            (assessment.IsCompleted ? Url.Page("/Assessment/Results", new { id }) : Url.Page("/Assessment/Index"))!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await assessments.DeleteAsync(User.Viewer(), id, cancellationToken))
        {
            return NotFound();
        }

        Message = "The self-assessment was deleted.";
        return RedirectToPage("/Assessment/Index");
    }
}
