using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Access;
using TpmPrep.Web.Coaching;

namespace TpmPrep.Web.Pages.Coach;

/// <summary>A coach opens an invitation: what it would share, then accepting it. Every reason a code fails is said plainly.</summary>
public sealed class JoinModel(CoachLinks links) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public InvitePreview? Preview { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return;
        }

        var (preview, problem) = await links.PreviewInviteAsync(User.Viewer(), Code, cancellationToken);
        Preview = preview;
        Problem = CoachLinks.Describe(problem);
        if (preview is null)
        {
            Response.StatusCode = problem == InviteProblem.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (linkId, problem) = await links.AcceptInviteAsync(User.Viewer(), Code, cancellationToken);
        if (linkId is null)
        {
            Problem = CoachLinks.Describe(problem);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Message"] = "Invitation accepted: the candidate is in your cohort.";
        return RedirectToPage("/Coach/Candidate", new { linkId });
    }
}
