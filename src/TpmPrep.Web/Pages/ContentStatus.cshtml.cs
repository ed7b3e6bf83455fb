using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Catalogue;

namespace TpmPrep.Web.Pages;

public sealed class ContentStatusModel(CatalogueProvider catalogue) : PageModel
{
    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public void OnGet() => Catalogue = catalogue.Current;
}
