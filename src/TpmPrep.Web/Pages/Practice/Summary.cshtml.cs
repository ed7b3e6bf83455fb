using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Demo;
using TpmPrep.Web.Practice;
using TpmPrep.Web.Progress;
using TpmPrep.Web.Review;

namespace TpmPrep.Web.Pages.Practice;

public sealed class SummaryModel(CatalogueProvider catalogue, SessionService sessions) : PageModel
{
    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public SessionView Session { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Catalogue = catalogue.Current;
        if (await sessions.FindAsync(User.RequiredUserId(), id, cancellationToken) is not { } session)
        {
            return NotFound();
        }

        Session = session;
        return Page();
    }
}
