using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Kits;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Pages.Kits;

/// <summary>
/// The kit builder: its details, its questions in order (move, remove), the coverage check, and the question picker
/// (search and filters over the banks, and the questions the hiring manager wrote). Every change posts and comes back
/// here with the search as it was.
/// </summary>
public sealed class EditModel(KitService kits, KitPortability portability, CustomQuestionService written, CatalogueProvider catalogue) : PageModel
{
    public KitView Kit { get; private set; } = null!;

    [BindProperty]
    public KitInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "bank")]
    public string? Bank { get; set; }

    [BindProperty(SupportsGet = true, Name = "skill")]
    public string? Skill { get; set; }

    [BindProperty(SupportsGet = true, Name = "level")]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "max")]
    public int? MaxMinutes { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PickerPage { get; set; }

    public Paged<Question> Found { get; private set; } = null!;

    public IReadOnlyList<CustomQuestionSummary> Written { get; private set; } = [];

    public IReadOnlyList<string> ExportProblems { get; private set; } = [];

    public ContentCatalogue Catalogue => catalogue.Current;

    public QuestionFilter Filter => new(Text, Bank, Skill, Level, Kind, MaxMinutes is > 0 and <= KitLimits.MaxBudgetMinutes ? MaxMinutes : null);

    public string ViewerId => User.RequiredUserId();

    /// <summary>The search as query values, for links and redirects that keep it.</summary>
    public object Search(int id) => SearchAt(id, PickerPage > 1 ? PickerPage : null);

    public object SearchAt(int id, int? page) => new { id, q = Text, bank = Bank, skill = Skill, level = Level, kind = Kind, max = MaxMinutes, p = page };

    /// <summary>The search as route data for forms (asp-all-route-data), so a change comes back to the same results.</summary>
    public Dictionary<string, string> FormRoute(int id)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values[key] = value;
            }
        }

        Add("q", Text);
        Add("bank", Bank);
        Add("skill", Skill);
        Add("level", Level);
        Add("kind", Kind);
        Add("max", MaxMinutes?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("p", PickerPage > 1 ? PickerPage.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return values;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = KitInput.From(Kit);
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await kits.UpdateAsync(User.Viewer(), id, Input.ToDetails(), Input.Version, cancellationToken);
        if (outcome is null)
        {
            return NotFound();
        }

        if (!outcome.Done)
        {
            KitProblems.AddTo(ModelState, outcome.Problems);
            await LoadAsync(id, cancellationToken);
            Input.Version = Kit.Version;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Message"] = "Details saved.";
        return RedirectToPage("/Kits/Edit", Search(id));
    }

    public Task<IActionResult> OnPostAddAsync(int id, string? questionId, CancellationToken cancellationToken) =>
        ChangeAsync(id, kits.AddAsync(User.Viewer(), id, questionId ?? string.Empty, cancellationToken), "Question added.");

    public Task<IActionResult> OnPostRemoveAsync(int id, int itemId, CancellationToken cancellationToken) =>
        ChangeAsync(id, kits.RemoveAsync(User.Viewer(), id, itemId, cancellationToken), "Question removed.");

    public Task<IActionResult> OnPostMoveAsync(int id, int itemId, int by, CancellationToken cancellationToken) =>
        ChangeAsync(id, kits.MoveAsync(User.Viewer(), id, itemId, by, cancellationToken), null);

    /// <summary>The kit as a zip of Markdown (a content folder); when it cannot be one, the page says why.</summary>
    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken cancellationToken)
    {
        var export = await portability.ExportAsync(User.Viewer(), id, cancellationToken);
        if (export is null)
        {
            return NotFound();
        }

        if (export.Value.Zip is { } zip)
        {
            return File(zip.Bytes, "application/zip", zip.FileName);
        }

        await LoadAsync(id, cancellationToken);
        Input = KitInput.From(Kit);
        ExportProblems = export.Value.Problems;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<IActionResult> ChangeAsync(int id, Task<KitOutcome?> change, string? done)
    {
        var outcome = await change;
        if (outcome is null)
        {
            return NotFound();
        }

        if (outcome.Done)
        {
            if (done is not null)
            {
                TempData["Message"] = done;
            }
        }
        else
        {
            TempData["Problem"] = string.Join(" ", outcome.Problems.Select(p => p.Message));
        }

        return RedirectToPage("/Kits/Edit", null, Search(id), "kit-questions");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var viewer = User.Viewer();
        if (await kits.FindAsync(viewer, id, cancellationToken) is not { } kit)
        {
            return false;
        }

        Kit = kit;
        Text = Text?.Length > QuestionPicker.MaxTextLength ? Text[..QuestionPicker.MaxTextLength] : Text;
        Found = QuestionPicker.Find(catalogue.Current, Filter, PickerPage, KitLimits.PickerPageSize);
        if (kit.OwnerId == viewer.UserId)
        {
            Written = (await written.ListAsync(viewer, viewer.UserId, 1, cancellationToken)).Questions;
        }

        return true;
    }
}
