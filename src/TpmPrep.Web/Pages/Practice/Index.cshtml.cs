using TpmPrep.Web.Access;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;
using TpmPrep.Web.Practice;
using TpmPrep.Web.Review;

namespace TpmPrep.Web.Pages.Practice;

public sealed class IndexModel(CatalogueProvider catalogue, SessionService sessions, ReviewService reviews, TpmPrep.Web.Coaching.CoachAssignments assignments) : PageModel
{
    /// <summary>What the candidate's coaches assigned.</summary>
    public IReadOnlyList<TpmPrep.Web.Coaching.AssignmentView> Assignments { get; private set; } = [];

    /// <summary>Starts (or continues) an assignment as a session; a 404 for one that is not the candidate's.</summary>
    public async Task<IActionResult> OnPostAssignmentAsync(int assignmentId, CancellationToken cancellationToken) =>
        await assignments.StartAsync(User.Viewer(), assignmentId, cancellationToken) is int id
            ? RedirectToPage("/Practice/Session", new { id })
            : NotFound();

    [BindProperty]
    public SessionInput Input { get; set; } = new();

    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public int DueCount { get; private set; }

    public IReadOnlyList<SessionSummary> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Catalogue = catalogue.Current;
        ReportUnknown(nameof(Input.Banks), Input.Banks, id => Catalogue.FindBank(id) is not null, "bank");
        ReportUnknown(nameof(Input.Skills), Input.Skills, id => Catalogue.FindSkill(id) is not null, "skill area");
        ReportUnknown(nameof(Input.Levels), Input.Levels, id => Catalogue.FindLevel(id) is not null, "level");
        ReportUnknown(nameof(Input.Kinds), Input.Kinds, QuestionKinds.All.ContainsKey, "kind");
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var request = new SessionRequest(Input.Banks, Input.Skills, Input.Levels, Input.Kinds, Input.Count, Input.Mode);
        if (await sessions.CreateAsync(User.Viewer(), User.RequiredUserId(), request, cancellationToken) is not { } id)
        {
            ModelState.AddModelError(string.Empty, "No question matches these choices. Tick fewer filters.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage("/Practice/Session", new { id });
    }

    /// <summary>A session of the questions due, as many as today's cap has left (at most 20); past the cap only when asked.</summary>
    public async Task<IActionResult> OnPostDueAsync(SessionMode mode, bool beyondCap, CancellationToken cancellationToken)
    {
        var day = await SignedInOnly.Get<TpmPrep.Web.Review.QuickReviews>(HttpContext).DayAsync(User.Viewer(), User.RequiredUserId(), cancellationToken);
        var count = beyondCap ? SessionService.MaxQuestions : Math.Min(SessionService.MaxQuestions, day.Left);
        if (count == 0 && day.Due > 0)
        {
            ModelState.AddModelError(string.Empty, $"You have done today's {day.Cap} reviews, your daily cap. The other {day.Due} can wait for tomorrow, or review more anyway from the review page.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (await sessions.CreateFromDueAsync(User.Viewer(), User.RequiredUserId(), mode, Math.Max(1, count), cancellationToken) is not { } id)
        {
            ModelState.AddModelError(string.Empty, "Nothing is due for review today.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage("/Practice/Session", new { id });
    }

    private void ReportUnknown(string field, IEnumerable<string> ids, Func<string, bool> exists, string what)
    {
        foreach (var id in ids.Where(id => !exists(id)).Take(3))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", $"There is no {what} '{(id.Length > 80 ? id[..80] : id)}'.");
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Catalogue = catalogue.Current;
        var userId = User.RequiredUserId();
        DueCount = await reviews.CountDueAsync(User.Viewer(), userId, cancellationToken);
        Recent = await sessions.RecentAsync(User.Viewer(), userId, 10, cancellationToken);
        Assignments = await assignments.ForCandidateAsync(User.Viewer(), cancellationToken);
    }

    public sealed class SessionInput
    {
        [MaxLength(50)]
        public List<string> Banks { get; set; } = [];

        [MaxLength(20)]
        public List<string> Skills { get; set; } = [];

        [MaxLength(20)]
        public List<string> Levels { get; set; } = [];

        [MaxLength(20)]
        public List<string> Kinds { get; set; } = [];

        [Range(1, SessionService.MaxQuestions, ErrorMessage = "Choose from {1} to {2} questions.")]
        public int Count { get; set; } = 3;

        [EnumDataType(typeof(SessionMode), ErrorMessage = "Choose practice or mock interview.")]
        public SessionMode Mode { get; set; } = SessionMode.Practice;
    }
}
