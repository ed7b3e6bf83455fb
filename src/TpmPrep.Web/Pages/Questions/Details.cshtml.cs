using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Practice;

namespace TpmPrep.Web.Pages.Questions;

public sealed class DetailsModel(CatalogueProvider catalogue, AttemptService attempts) : PageModel
{
    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public Question Question { get; private set; } = null!;

    public IReadOnlyList<AttemptSummary> PreviousAttempts { get; private set; } = [];

    /// <summary>Where the browser keeps this user's draft of this question.</summary>
    public string DraftKey => $"{User.UserId()}:{Question.Id}";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        await LoadPreviousAttemptsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        if (User.UserId() is not { } userId)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await LoadPreviousAttemptsAsync(cancellationToken);
            return Page();
        }

        var attemptId = await attempts.CreateAsync(userId, Question, Input.Answer!.Trim(), Input.TimeTakenSeconds, cancellationToken);
        return RedirectToPage("/Attempts/Grade", new { id = attemptId });
    }

    private bool Load(string id)
    {
        Catalogue = catalogue.Current;
        if (Catalogue.FindQuestion(id) is not { } question)
        {
            return false;
        }

        Question = question;
        return true;
    }

    private async Task LoadPreviousAttemptsAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is { } userId)
        {
            PreviousAttempts = await attempts.ListForQuestionAsync(userId, Question.Id, 5, cancellationToken);
        }
    }

    public sealed class AnswerInput
    {
        [Required(ErrorMessage = "Write an answer before submitting.")]
        [StringLength(AnswerLimits.MaxLength, ErrorMessage = "Your answer is {1:N0} characters at most; shorten it and submit again.")]
        [RegularExpression(@"[\s\S]*\S[\s\S]*", ErrorMessage = "Write an answer before submitting.")]
        public string? Answer { get; set; }

        [Range(0, int.MaxValue, ErrorMessage = "The time taken must be a positive number of seconds.")]
        public int TimeTakenSeconds { get; set; }
    }
}
