using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Markdown;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Plans;

namespace TpmPrep.Web.Pages.Plans;

/// <summary>
/// One scorecard. Its author fills it in (evidence and ratings per question, a rating per focus area, the recommendation
/// last), with drafts saved as they type, and submits it, which seals it; a change after that is kept and marked. Anyone
/// else on the plan reads it only once it is submitted and, if they are on the panel, once they have submitted their own.
/// </summary>
public sealed class ScorecardModel(ScorecardService scorecards, CatalogueProvider catalogue) : PageModel
{
    public ScorecardView Card { get; private set; } = null!;

    public ContentCatalogue Catalogue => catalogue.Current;

    // Named: without a name, a dictionary with no field of its own is filled from every field of the form.
    [BindProperty(Name = "Evidence")]
    public Dictionary<string, string> Evidence { get; set; } = [];

    // Named: without a name, a dictionary with no field of its own is filled from every field of the form.
    [BindProperty(Name = "Rating")]
    public Dictionary<string, int> Rating { get; set; } = [];

    // Named: without a name, a dictionary with no field of its own is filled from every field of the form.
    [BindProperty(Name = "Area")]
    public Dictionary<string, int> Area { get; set; } = [];

    [BindProperty]
    public int? Recommendation { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Safe HTML of a piece of Markdown the interviewer wrote (raw HTML off, only safe links).</summary>
    public static string Html(string markdown) => SafeMarkdown.ToHtml(markdown);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await scorecards.FindAsync(User.Viewer(), id, cancellationToken) is not { } card)
        {
            return NotFound();
        }

        Card = card;
        Fill(card);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken) => SaveAsync(id, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) => SaveAsync(id, submit: true, cancellationToken);

    /// <summary>The autosave: the draft as typed; answers with the card's new version (or 400 with the first problem).</summary>
    public async Task<IActionResult> OnPostDraftAsync(int id, CancellationToken cancellationToken)
    {
        var problems = await scorecards.SaveAsync(User.Viewer(), id, Input(), Version, submit: false, cancellationToken);
        if (problems is null)
        {
            return NotFound();
        }

        if (problems.Count > 0)
        {
            return new ContentResult { Content = problems[0], ContentType = "text/plain", StatusCode = StatusCodes.Status409Conflict };
        }

        var card = await scorecards.FindAsync(User.Viewer(), id, cancellationToken);
        return Content((card?.Version ?? 0).ToString(CultureInfo.InvariantCulture), "text/plain");
    }

    private async Task<IActionResult> SaveAsync(int id, bool submit, CancellationToken cancellationToken)
    {
        var problems = await scorecards.SaveAsync(User.Viewer(), id, Input(), Version, submit, cancellationToken);
        if (problems is null)
        {
            return NotFound();
        }

        if (problems.Count > 0)
        {
            Problems = problems;
            Card = (await scorecards.FindAsync(User.Viewer(), id, cancellationToken))!;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Message"] = submit ? "Scorecard submitted. You can now read the other interviewers' cards in the debrief." : "Draft saved.";
        return RedirectToPage("/Plans/Scorecard", new { id });
    }

    private ScorecardInput Input() => new(Evidence, Rating, Area, Recommendation, Summary ?? string.Empty);

    private void Fill(ScorecardView card)
    {
        Version = card.Version;
        Area = card.Areas.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        Recommendation = card.Recommendation;
        Summary = card.Summary;
        foreach (var (questionId, question) in card.Questions)
        {
            Evidence[questionId] = question.Evidence;
            for (var i = 0; i < question.Ratings.Length; i++)
            {
                Rating[questionId + ":" + i.ToString(CultureInfo.InvariantCulture)] = question.Ratings[i];
            }
        }
    }
}
