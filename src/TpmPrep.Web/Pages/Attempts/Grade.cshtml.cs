using TpmPrep.Web.Access;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Markdown;
using TpmPrep.Content.Model;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;
using TpmPrep.Content.Scoring;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Pages.Attempts;

public sealed class GradeModel(QuestionSource questions, AttemptService attempts, RecordAccess access) : PageModel
{
    [BindProperty]
    public GradeInput Input { get; set; } = new();

    public AttemptDetails Attempt { get; private set; } = null!;

    public Question Question { get; private set; } = null!;

    public string AnswerHtml { get; private set; } = string.Empty;

    public string DraftKey => AnswerBox.DraftKeyFor(User.UserId(), Question.Id);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Attempt.IsFollowUp)
        {
            return RedirectToPage("/Attempts/Details", new { id }); // a follow-up has no rubric of its own to grade against
        }

        Input.Scores = Attempt.Scores.Select(s => (int?)s.Score).ToList();
        Input.Notes = Attempt.Notes;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Attempt.IsFollowUp)
        {
            return NotFound();
        }

        for (var i = 0; i < Question.Rubric.Count; i++)
        {
            var score = i < Input.Scores.Count ? Input.Scores[i] : null;
            if (score is null)
            {
                ModelState.AddModelError($"Input.Scores[{i}]", $"Pick a score for \"{Question.Rubric[i].Title}\".");
            }
            else if (!RubricScale.IsOnScale(score.Value, Question.RubricLevels))
            {
                ModelState.AddModelError($"Input.Scores[{i}]", $"The score for \"{Question.Rubric[i].Title}\" must be from 1 to {Question.RubricLevels}.");
            }
        }

        if (Input.Scores.Count > Question.Rubric.Count)
        {
            ModelState.AddModelError("Input.Scores", $"This rubric has {Question.Rubric.Count} criteria; the form sent {Input.Scores.Count} scores.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await attempts.GradeAsync(User.Viewer(), id, Question, Input.Scores.Select(s => s!.Value).ToList(), cancellationToken, Input.Notes);
        if (outcome == GradeOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome != GradeOutcome.Saved)
        {
            ModelState.AddModelError(string.Empty, "The rubric changed while you were grading. Please grade again.");
            return Page();
        }

        // Inside a session, grading leads on to the next question (or the summary).
        return Attempt.SessionId is int sessionId
            ? RedirectToPage("/Practice/Session", new { id = sessionId })
            : RedirectToPage("/Attempts/Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        // The grading form is for whoever may change the grades: someone who may only read the attempt (a coach) gets a 404.
        if (await attempts.FindAsync(User.Viewer(), id, cancellationToken) is not { } attempt
            || !await access.AllowsAsync(User.Viewer(), attempt.OwnerId, RecordKind.Attempt, AccessAction.Write, cancellationToken)
            || await questions.FindAsync(attempt.QuestionId, cancellationToken) is not { Question: var question })
        {
            return false;
        }

        Attempt = attempt;
        Question = question;
        AnswerHtml = SafeMarkdown.ToHtml(attempt.Answer);
        return true;
    }

    public sealed class GradeInput
    {
        public List<int?> Scores { get; set; } = [];

        [StringLength(AnswerLimits.MaxNotesLength, ErrorMessage = "Notes are {1:N0} characters at most.")]
        public string? Notes { get; set; }
    }
}
