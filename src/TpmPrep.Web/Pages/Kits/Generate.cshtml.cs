using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Kits;

namespace TpmPrep.Web.Pages.Kits;

/// <summary>
/// Proposes a balanced kit for a level, focus areas and a time budget, leaving out the questions of the loop's other
/// kits; the hiring manager sees the proposal, may ask for another, and saves it as a kit to edit.
/// </summary>
public sealed class GenerateModel(KitService kits, CatalogueProvider catalogue) : PageModel
{
    [BindProperty]
    public KitInput Input { get; set; } = new() { Title = "Interview", Focus = [] };

    [BindProperty]
    public int Budget { get; set; } = 45;

    /// <summary>Kits whose questions the new kit must not repeat (the other interviews of the loop).</summary>
    [BindProperty]
    public List<int> Avoid { get; set; } = [];

    [BindProperty]
    public int Seed { get; set; }

    public IReadOnlyList<(int Id, string Title)> OtherKits { get; private set; } = [];

    public KitProposal? Proposal { get; private set; }

    public ContentCatalogue Catalogue => catalogue.Current;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.LevelId ??= (Catalogue.Levels.Count > 0 ? Catalogue.Levels[0].Id : null);
        OtherKits = await kits.TitlesAsync(User.Viewer(), User.RequiredUserId(), cancellationToken);
    }

    /// <summary>Shows a proposal (again with the next seed when asked for another), without saving anything.</summary>
    public async Task<IActionResult> OnPostProposeAsync(bool another, CancellationToken cancellationToken)
    {
        OtherKits = await kits.TitlesAsync(User.Viewer(), User.RequiredUserId(), cancellationToken);
        if (another)
        {
            Seed++;
            ModelState.Remove(nameof(Seed));
        }

        if (await ProposeAsync(cancellationToken) is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>Saves the proposal for these inputs and seed as a new kit.</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        OtherKits = await kits.TitlesAsync(User.Viewer(), User.RequiredUserId(), cancellationToken);
        if (await ProposeAsync(cancellationToken) is not { } proposal)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await kits.CreateAsync(User.Viewer(), User.RequiredUserId(), Input.ToDetails(), proposal.Questions.Select(q => q.Id).ToList(), cancellationToken);
        if (!outcome.Done)
        {
            KitProblems.AddTo(ModelState, outcome.Problems);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Message"] = "Kit saved from the proposal: reorder, remove or add questions as you like.";
        return RedirectToPage("/Kits/Edit", new { id = outcome.Id });
    }

    private async Task<KitProposal?> ProposeAsync(CancellationToken cancellationToken)
    {
        var problems = kits.Check(Input.ToDetails());
        if (string.IsNullOrEmpty(Input.LevelId))
        {
            problems.Add(new KitProblem(nameof(KitInput.LevelId), "Choose the level to interview for."));
        }

        if (Budget is < 5 or > KitLimits.MaxBudgetMinutes)
        {
            ModelState.AddModelError(nameof(Budget), $"The time for the interview is 5 to {KitLimits.MaxBudgetMinutes} minutes.");
        }

        KitProblems.AddTo(ModelState, problems);
        if (!ModelState.IsValid)
        {
            return null;
        }

        var avoid = await kits.QuestionIdsOfAsync(User.Viewer(), User.RequiredUserId(), Avoid, cancellationToken);
        Proposal = KitGenerator.Propose(Catalogue.Banks.SelectMany(b => b.Questions), Catalogue.Levels, new KitRequest(Input.LevelId!, Input.Focus, Budget, avoid, Seed));
        return Proposal;
    }
}
