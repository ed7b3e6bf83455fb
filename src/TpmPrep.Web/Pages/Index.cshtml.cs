using Microsoft.AspNetCore.OutputCaching;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Catalogue;

namespace TpmPrep.Web.Pages;

[OutputCache(PolicyName = ContentCaching.Policy)]
public sealed class IndexModel(CatalogueProvider catalogue) : PageModel
{
    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public IReadOnlyDictionary<string, int> QuestionsByPrimarySkill { get; private set; } = new Dictionary<string, int>();

    public int? AttemptCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Catalogue = catalogue.Current;
        QuestionsByPrimarySkill = Catalogue.QuestionsByPrimarySkill();
        if (User.UserId() is { } userId)
        {
            AttemptCount = await SignedInOnly.Get<AttemptService>(HttpContext).CountAsync(User.Viewer(), userId, cancellationToken);
        }
    }
}
