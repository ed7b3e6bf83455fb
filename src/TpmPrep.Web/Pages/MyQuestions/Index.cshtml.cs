using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Pages.MyQuestions;

public sealed class IndexModel(CustomQuestionService questions) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    // Not "page": Razor Pages keeps that name for the page route value.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public CustomQuestionPage Questions { get; private set; } = new([], 0, 1, 1);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Questions = await questions.ListAsync(User.Viewer(), User.RequiredUserId(), PageNumber, cancellationToken);
}
