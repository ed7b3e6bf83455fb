using System.ComponentModel.DataAnnotations;
using Humanizer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Pages.MyQuestions;

/// <summary>Writes a new question (no id) or edits one; the text is checked by the bank files' parser, errors by line.</summary>
public sealed class EditModel(CustomQuestionService questions, QuestionSource source, TpmPrep.Web.Kits.KitService kits) : PageModel
{
    /// <summary>The interview kit a new question is written for: once saved, it is added to the kit and the kit shown again.</summary>
    [BindProperty(SupportsGet = true, Name = "kit")]
    public int? KitId { get; set; }

    public IEnumerable<string> Skills => source.Catalogue.Skills.Select(s => s.Id);

    public IEnumerable<string> Levels => source.Catalogue.Levels.Select(l => l.Id);

    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<ContentError> Errors { get; private set; } = [];

    public bool ChangedElsewhere { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is null)
        {
            Input.Markdown = CustomQuestionService.Template;
            return Page();
        }

        if (await questions.FindAsync(User.Viewer(), id.Value, cancellationToken) is not { } question)
        {
            return NotFound();
        }

        Input.Markdown = question.Markdown;
        Input.Version = question.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is not null && await questions.FindAsync(User.Viewer(), id.Value, cancellationToken) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = id is null
            ? await questions.CreateAsync(User.Viewer(), User.RequiredUserId(), Input.Markdown!, cancellationToken)
            : await questions.UpdateAsync(User.Viewer(), id.Value, Input.Markdown!, Input.Version, cancellationToken);
        if (outcome is null)
        {
            return NotFound();
        }

        if (!outcome.Saved)
        {
            Errors = outcome.Errors;
            ChangedElsewhere = outcome.ChangedElsewhere;
            ModelState.AddModelError("Input.Markdown", ChangedElsewhere
                ? "This question was changed in another tab or by someone else since you opened it. Your text is below: copy what you need, then reload."
                : $"The question was not saved: {"problem".ToQuantity(Errors.Count)} to fix, listed below.");
            return Page();
        }

        if (id is null && KitId is { } kitId
            && await kits.AddAsync(User.Viewer(), kitId, QuestionSource.IdOf(outcome.Id!.Value), cancellationToken) is { Done: true })
        {
            TempData["Message"] = "Your question was saved and added to the kit.";
            return RedirectToPage("/Kits/Edit", null, new { id = kitId }, "kit-questions");
        }

        return RedirectToPage("/Questions/Details", new { id = QuestionSource.IdOf(outcome.Id!.Value) });
    }

    public sealed class QuestionInput
    {
        [Required(ErrorMessage = "Write the question.")]
        [StringLength(CustomQuestionLimits.MaxLength, ErrorMessage = "A question is {1:N0} characters at most.")]
        [Display(Name = "Question in Markdown")]
        public string? Markdown { get; set; }

        public int Version { get; set; }
    }
}
