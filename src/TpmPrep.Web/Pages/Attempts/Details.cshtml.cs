using TpmPrep.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Markdown;
using TpmPrep.Content.Model;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Pages.Attempts;

public sealed class DetailsModel(QuestionSource questions, AttemptService attempts) : PageModel
{
    public AttemptDetails Attempt { get; private set; } = null!;

    public Question? Question { get; private set; }

    public string AnswerHtml { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await attempts.FindAsync(User.Viewer(), id, cancellationToken) is not { } attempt)
        {
            return NotFound();
        }

        Attempt = attempt;
        Question = (await questions.FindAsync(attempt.QuestionId, cancellationToken))?.Question;
        // Rendered on read, not stored: a fix to the safe pipeline then protects old answers too.
        AnswerHtml = SafeMarkdown.ToHtml(attempt.Answer);
        return Page();
    }
}
