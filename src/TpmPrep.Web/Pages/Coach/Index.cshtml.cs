using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Access;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Pages.Coach;

/// <summary>The coach's cohort: every candidate who consented, with what needs attention first.</summary>
public sealed class IndexModel(CoachLinks links, TpmPrep.Web.Catalogue.CatalogueProvider catalogue) : PageModel
{
    public string LevelTitle(string levelId) => catalogue.Current.LevelTitle(levelId);

    public Paged<CohortRow> Cohort { get; private set; } = null!;

    public int Waiting { get; private set; }

    public CohortSort Sort { get; private set; }

    [BindProperty]
    public string? CandidateEmail { get; set; }

    public async Task OnGetAsync(int p, string? sort, CancellationToken cancellationToken)
    {
        Sort = Enum.TryParse<CohortSort>(sort, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : CohortSort.Name;
        Cohort = await links.CohortAsync(User.Viewer(), p, Sort, cancellationToken);
        Waiting = await links.WaitingRequestsAsync(User.Viewer(), cancellationToken);
    }

    public async Task<IActionResult> OnPostRequestAsync(CancellationToken cancellationToken)
    {
        if (await links.RequestAsync(User.Viewer(), CandidateEmail, cancellationToken) is { } problem)
        {
            ModelState.AddModelError(nameof(CandidateEmail), problem);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await OnGetAsync(1, null, cancellationToken);
            return Page();
        }

        TempData["Message"] = "Request sent. If an account has that e-mail, its owner sees your request on their coaching page; you see nothing of theirs until they accept.";
        return RedirectToPage();
    }
}
