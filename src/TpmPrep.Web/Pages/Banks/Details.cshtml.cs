using Microsoft.AspNetCore.OutputCaching;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Catalogue;

namespace TpmPrep.Web.Pages.Banks;

[OutputCache(PolicyName = ContentCaching.Policy)]
public sealed class DetailsModel(CatalogueProvider catalogue) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Skill { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public QuestionBank Bank { get; private set; } = null!;

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public IReadOnlyDictionary<string, int> AttemptCounts { get; private set; } = new Dictionary<string, int>();

    public bool IsFiltered => !string.IsNullOrEmpty(Skill) || !string.IsNullOrEmpty(Level) || !string.IsNullOrEmpty(Kind);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Catalogue = catalogue.Current;
        if (Catalogue.FindBank(id) is not { } bank)
        {
            return NotFound();
        }

        Bank = bank;
        Questions = bank.Questions
            .Where(q => string.IsNullOrEmpty(Skill) || q.Skills.Contains(Skill))
            .Where(q => string.IsNullOrEmpty(Level) || q.LevelId == Level)
            .Where(q => string.IsNullOrEmpty(Kind) || q.Kind == Kind)
            .ToList();
        if (User.UserId() is { } userId)
        {
            AttemptCounts = await SignedInOnly.Get<AttemptService>(HttpContext).CountsByQuestionAsync(User.Viewer(), userId, bank.Questions.Select(q => q.Id).ToList(), cancellationToken);
        }

        return Page();
    }
}
