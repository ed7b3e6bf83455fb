using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Pages.Questions;

/// <summary>One of a question's follow-ups, answered as a short attempt linked to the question.</summary>
[Authorize]
public sealed class FollowUpModel(QuestionSource questions, AttemptService attempts, TimeProvider clock) : PageModel
{
    /// <summary>The minutes a follow-up suggests: an interviewer's next question, not a new round.</summary>
    public const int SuggestedMinutes = 3;

    [BindProperty]
    [Required(ErrorMessage = "Write your answer to the follow-up before submitting.")]
    [StringLength(AnswerLimits.MaxLength, ErrorMessage = "Your answer is {1:N0} characters at most; shorten it and submit again.")]
    [RegularExpression(@"[\s\S]*\S[\s\S]*", ErrorMessage = "Write your answer to the follow-up before submitting.")]
    public string? Answer { get; set; }

    /// <summary>When the page was opened (UTC ticks), carried by the form, for the time taken.</summary>
    [BindProperty]
    public long Started { get; set; }

    public Question Question { get; private set; } = null!;

    public int Index { get; private set; }

    public string FollowUpHtml => Question.FollowUpsHtml[Index];

    public async Task<IActionResult> OnGetAsync(string id, int n, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, n, cancellationToken))
        {
            return NotFound();
        }

        Started = clock.GetUtcNow().UtcDateTime.Ticks;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, int n, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, n, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var seconds = AnswerLimits.SecondsSince(Started, clock.GetUtcNow().UtcDateTime);
        var prompt = PageDescription.PlainText(FollowUpHtml);
        var attemptId = await attempts.CreateFollowUpAsync(User.Viewer(), User.RequiredUserId(), Question, Index, prompt, Answer!.Trim(), seconds, cancellationToken);
        TempData["Message"] = "Follow-up answered. Compare it with what a strong answer to the question covers.";
        return RedirectToPage("/Attempts/Details", new { id = attemptId });
    }

    private async Task<bool> LoadAsync(string id, int n, CancellationToken cancellationToken)
    {
        if (await questions.FindForAsync(User.Viewer(), id, cancellationToken) is not { } found || n < 1 || n > found.Question.FollowUpsHtml.Count)
        {
            return false;
        }

        Question = found.Question;
        Index = n - 1;
        return true;
    }
}
