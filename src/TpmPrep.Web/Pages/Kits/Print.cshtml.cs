using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Kits;

namespace TpmPrep.Web.Pages.Kits;

/// <summary>The kit as an interviewer carries it: instructions, then each question with its probes, follow-ups, rubric anchors and room for notes.</summary>
public sealed class PrintModel(KitService kits, CatalogueProvider catalogue) : PageModel
{
    public KitView Kit { get; private set; } = null!;

    public ContentCatalogue Catalogue => catalogue.Current;

    public string InstructionsHtml { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await kits.FindAsync(User.Viewer(), id, cancellationToken) is not { } kit)
        {
            return NotFound();
        }

        Kit = kit;
        InstructionsHtml = TpmPrep.Content.Markdown.SafeMarkdown.ToHtml(kit.Instructions);
        return Page();
    }
}
