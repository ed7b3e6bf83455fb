using TpmPrep.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Questions;
using TpmPrep.Web.Practice;

namespace TpmPrep.Web.Pages.Practice;

public sealed class SummaryModel(QuestionSource questions, SessionService sessions) : PageModel
{
    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public SessionView Session { get; private set; } = null!;

    /// <summary>The session's questions that still exist, bank or written in the app.</summary>
    public IReadOnlyDictionary<string, Question> Questions { get; private set; } = new Dictionary<string, Question>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Catalogue = questions.Catalogue;
        if (await sessions.FindAsync(User.Viewer(), id, cancellationToken) is not { } session)
        {
            return NotFound();
        }

        Session = session;
        Questions = await questions.FindManyAsync(session.Items.Select(i => i.QuestionId), cancellationToken);
        return Page();
    }
}
