using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Catalogue;

namespace TpmPrep.Web.Pages.Banks;

[OutputCache(PolicyName = ContentCaching.Policy)]
public sealed class IndexModel(CatalogueProvider catalogue) : PageModel
{
    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public void OnGet() => Catalogue = catalogue.Current;
}
