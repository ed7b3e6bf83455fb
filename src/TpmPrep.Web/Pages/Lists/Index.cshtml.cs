using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Lists;

namespace TpmPrep.Web.Pages.Lists;

/// <summary>The candidate's bookmarks and personal lists, and a new list.</summary>
public sealed class IndexModel(QuestionLists lists) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<ListSummary> Lists { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Lists = await lists.ListsAsync(User.Viewer(), User.RequiredUserId(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await lists.CreateAsync(User.Viewer(), User.RequiredUserId(), Name, cancellationToken);
        if (!outcome.Done)
        {
            ModelState.AddModelError(nameof(Name), outcome.Problem!);
            await OnGetAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = $"List “{Name!.Trim()}” made. Add questions from Find questions or from a question's page.";
        return RedirectToPage("/Lists/Details", new { id = outcome.Id });
    }
}
