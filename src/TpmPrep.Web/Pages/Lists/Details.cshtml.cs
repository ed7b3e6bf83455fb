using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;
using TpmPrep.Web.Lists;
using TpmPrep.Web.Practice;

namespace TpmPrep.Web.Pages.Lists;

/// <summary>One list: its questions, rename, take a question off, delete, and start a session from it.</summary>
public sealed class DetailsModel(QuestionLists lists, CatalogueProvider catalogue) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public ListView List { get; private set; } = null!;

    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public int Available => List.Entries.Count(e => e.Question is not null);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Name = List.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || List.Bookmarks)
        {
            return NotFound();
        }

        var outcome = await lists.RenameAsync(User.Viewer(), id, Name, cancellationToken);
        if (!outcome.Done)
        {
            ModelState.AddModelError(nameof(Name), outcome.Problem!);
            return Page();
        }

        TempData["Message"] = "List renamed.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, string? questionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await lists.RemoveAsync(User.Viewer(), id, questionId ?? string.Empty, cancellationToken);
        TempData["Message"] = List.Bookmarks ? "Bookmark taken off." : "Taken off the list.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostStartAsync(int id, SessionMode mode, int count, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Enum.IsDefined(mode))
        {
            ModelState.AddModelError("mode", "Choose practice or mock interview.");
            return Page();
        }

        var session = await lists.StartSessionAsync(User.Viewer(), id, mode, count, cancellationToken);
        if (session is null)
        {
            ModelState.AddModelError(string.Empty, "This list has no question left in the library to practise.");
            return Page();
        }

        return RedirectToPage("/Practice/Session", new { id = session });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (!await lists.DeleteAsync(User.Viewer(), id, cancellationToken))
        {
            return NotFound();
        }

        TempData["Message"] = "List deleted.";
        return RedirectToPage("/Lists/Index");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Catalogue = catalogue.Current;
        if (await lists.FindAsync(User.Viewer(), id, cancellationToken) is not { } list)
        {
            return false;
        }

        List = list;
        return true;
    }
}
