using TpmPrep.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Assessments;
using TpmPrep.Web.Catalogue;

namespace TpmPrep.Web.Pages.Assessment;

public sealed class TakeModel(CatalogueProvider catalogue, AssessmentService assessments) : PageModel
{
    /// <summary>
    /// Ratings posted by this section's form (fields <c>Ratings[indicator-id]</c>): indicator id to "1".."5" or "n".
    /// Read from the form by hand: model binding would fall back to every form field when none is chosen.
    /// </summary>
    public Dictionary<string, string> Ratings { get; private set; } = [];

    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public AssessmentInProgress Assessment { get; private set; } = null!;

    public SkillArea Skill { get; private set; } = null!;

    public int Section { get; private set; }

    public int TotalIndicators => Catalogue.Skills.Sum(s => s.Indicators.Count);

    public int Answered => Catalogue.Skills.SelectMany(s => s.Indicators).Count(i => Assessment.Ratings.ContainsKey(i.Id));

    /// <summary>The value to show as chosen: what was just posted, else what is saved.</summary>
    public string? Current(string indicatorId) =>
        Ratings.TryGetValue(indicatorId, out var posted) ? posted
        : Assessment.Ratings.TryGetValue(indicatorId, out var saved) ? saved?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "n"
        : null;

    public async Task<IActionResult> OnGetAsync(int id, int section, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, section, cancellationToken))
        {
            return NotFound();
        }

        return Assessment.IsCompleted ? RedirectToPage("/Assessment/Results", new { id }) : Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int section, string? go, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, section, cancellationToken))
        {
            return NotFound();
        }

        Ratings = Request.Form
            .Where(f => f.Key.StartsWith("Ratings[", StringComparison.Ordinal) && f.Key.EndsWith(']'))
            .ToDictionary(f => f.Key["Ratings[".Length..^1], f => f.Value.ToString(), StringComparer.Ordinal);

        var userId = User.RequiredUserId();
        var saved = await assessments.SaveRatingsAsync(User.Viewer(), id, Ratings, Catalogue, cancellationToken);
        switch (saved.Outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.Completed:
                return RedirectToPage("/Assessment/Results", new { id });
            case SaveOutcome.Invalid:
                saved.Errors.ToList().ForEach(e => ModelState.AddModelError(string.Empty, e));
                return Page();
        }

        switch (go)
        {
            case "finish":
                var completed = await assessments.CompleteAsync(User.Viewer(), id, Catalogue, cancellationToken);
                if (completed.Outcome == SaveOutcome.Saved)
                {
                    return RedirectToPage("/Assessment/Results", new { id });
                }

                await LoadAsync(id, section, cancellationToken);
                ModelState.AddModelError(string.Empty, "Rate every statement before finishing (your answers so far are saved):");
                completed.Errors.ToList().ForEach(e => ModelState.AddModelError(string.Empty, e));
                return Page();
            case "next":
                return RedirectToPage(new { id, section = Math.Min(section + 1, Catalogue.Skills.Count) });
            case "previous":
                return RedirectToPage(new { id, section = Math.Max(section - 1, 1) });
            default:
                return RedirectToPage(new { id, section });
        }
    }

    /// <summary>Autosave of one choice from the page's script: 204 when saved, 400 with a message when refused.</summary>
    public async Task<IActionResult> OnPostRateAsync(int id, string? indicator, string? rating, CancellationToken cancellationToken)
    {
        Catalogue = catalogue.Current;
        if (string.IsNullOrEmpty(indicator))
        {
            return BadRequest(new { error = "No statement given." });
        }

        var saved = await assessments.SaveRatingsAsync(User.Viewer(), id, new Dictionary<string, string> { [indicator] = rating ?? string.Empty }, Catalogue, cancellationToken);
        return saved.Outcome switch
        {
            SaveOutcome.Saved => new NoContentResult(),
            SaveOutcome.NotFound => NotFound(),
            _ => BadRequest(new { error = string.Join(" ", saved.Errors) }),
        };
    }

    private async Task<bool> LoadAsync(int id, int section, CancellationToken cancellationToken)
    {
        Catalogue = catalogue.Current;
        if (section < 1 || section > Catalogue.Skills.Count
            || await assessments.FindAsync(User.Viewer(), id, cancellationToken) is not { } assessment)
        {
            return false;
        }

        Assessment = assessment;
        Section = section;
        Skill = Catalogue.Skills[section - 1];
        return true;
    }
}
