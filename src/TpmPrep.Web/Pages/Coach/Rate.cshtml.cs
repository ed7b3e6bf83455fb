using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Markdown;
using TpmPrep.Content.Model;
using TpmPrep.Content.Scoring;
using TpmPrep.Web.Access;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Pages.Coach;

/// <summary>The coach grades a candidate's attempt on the question's own rubric; the candidate sees it beside theirs.</summary>
public sealed class RateModel(CoachLinks links, AttemptService attempts, QuestionSource questions, CoachFeedback feedback) : PageModel
{
    [BindProperty]
    public List<int?> Scores { get; set; } = [];

    public CoachedCandidate Link { get; private set; } = null!;

    public AttemptDetails Attempt { get; private set; } = null!;

    public Question Question { get; private set; } = null!;

    public string AnswerHtml { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int linkId, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(linkId, id, cancellationToken))
        {
            return NotFound();
        }

        var feedbackNow = await feedback.ForCoachAsync(User.Viewer(), Link, id, cancellationToken);
        Scores = feedbackNow is { CoachGrades: [var mine, ..] } ? mine.Scores.Select(s => (int?)s.Score).ToList() : [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int linkId, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(linkId, id, cancellationToken))
        {
            return NotFound();
        }

        for (var i = 0; i < Question.Rubric.Count; i++)
        {
            var score = i < Scores.Count ? Scores[i] : null;
            if (score is null || !RubricScale.IsOnScale(score.Value, Question.RubricLevels))
            {
                ModelState.AddModelError($"Scores[{i}]", $"Pick a score from 1 to {Question.RubricLevels} for \"{Question.Rubric[i].Title}\".");
            }
        }

        if (Scores.Count > Question.Rubric.Count)
        {
            ModelState.AddModelError(nameof(Scores), $"This rubric has {Question.Rubric.Count} criteria; the form sent {Scores.Count} scores.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await feedback.RateAsync(User.Viewer(), linkId, id, Question, Scores.Select(s => s!.Value).ToList(), cancellationToken);
        if (outcome == FeedbackOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome != FeedbackOutcome.Saved)
        {
            ModelState.AddModelError(string.Empty, "The rubric changed while you were grading. Please grade again.");
            return Page();
        }

        TempData["Message"] = "Your grade is saved; " + Link.Name + " sees it beside their own.";
        return RedirectToPage("/Coach/Attempt", new { linkId, id });
    }

    private async Task<bool> LoadAsync(int linkId, int id, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(User.Viewer(), linkId, cancellationToken) is not { } link
            || !link.Scopes.HasFlag(TpmPrep.Web.Data.CoachScopes.Attempts)
            || await attempts.FindAsync(User.Viewer(), id, cancellationToken) is not { } attempt
            || attempt.OwnerId != link.CandidateId
            || await questions.FindAsync(attempt.QuestionId, cancellationToken) is not { Question: var question })
        {
            return false;
        }

        Link = link;
        Attempt = attempt;
        Question = question;
        AnswerHtml = SafeMarkdown.ToHtml(attempt.Answer);
        return true;
    }
}
