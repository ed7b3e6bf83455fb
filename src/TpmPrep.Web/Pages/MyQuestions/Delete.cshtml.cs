using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Access;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Pages.MyQuestions;

public sealed class DeleteModel(CustomQuestionService questions) : PageModel
{
    public ConfirmDelete Confirm { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await questions.FindAsync(User.Viewer(), id, cancellationToken) is not { } question)
        {
            return NotFound();
        }

        Confirm = new ConfirmDelete(
            "this question",
            $"\"{question.Title}\". Your answers to it stay in My attempts under its title, but it can no longer be answered, graded or reviewed.",
            Url.Page("/MyQuestions/Edit", new { id }) ?? "/my-questions");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await questions.DeleteAsync(User.Viewer(), id, cancellationToken))
        {
            return NotFound();
        }

        Message = "The question was deleted.";
        return RedirectToPage("/MyQuestions/Index");
    }
}
