using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Kits;

namespace TpmPrep.Web.Pages.Kits;

/// <summary>Starts a kit from its details; the questions are added on the kit's own page.</summary>
public sealed class NewModel(KitService kits, CatalogueProvider catalogue) : PageModel
{
    [BindProperty]
    public KitInput Input { get; set; } = new();

    public ContentCatalogue Catalogue => catalogue.Current;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await kits.CreateAsync(User.Viewer(), User.RequiredUserId(), Input.ToDetails(), [], cancellationToken);
        if (!outcome.Done)
        {
            KitProblems.AddTo(ModelState, outcome.Problems);
            return Page();
        }

        TempData["Message"] = "Kit created. Now add its questions.";
        return RedirectToPage("/Kits/Edit", new { id = outcome.Id });
    }
}
