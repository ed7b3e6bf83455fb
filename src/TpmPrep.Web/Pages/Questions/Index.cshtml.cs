using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Lists;

namespace TpmPrep.Web.Pages.Questions;

/// <summary>
/// Finds questions across every bank by their words and filters, a page of 25 at a time. The form is a plain GET
/// (it works without script); site.js sends it as the candidate types and swaps the results in. Signed in, each
/// result has its bookmark, and the results can be narrowed to the bookmarks.
/// </summary>
public sealed class IndexModel(QuestionSearch search) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "bank")]
    public string? Bank { get; set; }

    [BindProperty(SupportsGet = true, Name = "skill")]
    public string? Skill { get; set; }

    [BindProperty(SupportsGet = true, Name = "level")]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    /// <summary>Only the bookmarked questions.</summary>
    [BindProperty(SupportsGet = true, Name = "saved")]
    public bool Saved { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ContentCatalogue Catalogue { get; private set; } = ContentCatalogue.Empty;

    public Paged<Question> Results { get; private set; } = new([], 0, 1, PageSize);

    public SearchResult Found { get; private set; } = new([], [], null);

    public IReadOnlySet<string> Bookmarked { get; private set; } = new HashSet<string>();

    public IReadOnlyList<ListSummary> Lists { get; private set; } = [];

    public IReadOnlyDictionary<string, int> AttemptCounts { get; private set; } = new Dictionary<string, int>();

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Query) || !string.IsNullOrEmpty(Bank) || !string.IsNullOrEmpty(Skill)
        || !string.IsNullOrEmpty(Level) || !string.IsNullOrEmpty(Kind) || Saved;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Catalogue = search.Catalogue;
        // A filter naming nothing the library has is dropped, not an error: an old link keeps working.
        Bank = Catalogue.FindBank(Bank ?? string.Empty) is null ? null : Bank;
        Skill = Catalogue.FindSkill(Skill ?? string.Empty) is null ? null : Skill;
        Level = Catalogue.FindLevel(Level ?? string.Empty) is null ? null : Level;
        Kind = Kind is not null && QuestionKinds.All.ContainsKey(Kind) ? Kind : null;
        Found = search.Search(new SearchRequest(Query, Bank, Skill, Level, Kind));
        IReadOnlyList<Question> matching = Found.Questions;
        var userId = User.UserId();
        if (userId is not null)
        {
            var lists = SignedInOnly.Get<QuestionLists>(HttpContext);
            if (Saved)
            {
                var all = await lists.AllBookmarkedAsync(User.Viewer(), userId, cancellationToken);
                matching = matching.Where(q => all.Contains(q.Id)).ToList();
            }
        }
        else
        {
            Saved = false;
        }

        var page = Math.Min(Paging.Clamp(PageNumber), Math.Max(1, (matching.Count + PageSize - 1) / PageSize));
        Results = new Paged<Question>(matching.Skip((page - 1) * PageSize).Take(PageSize).ToList(), matching.Count, page, PageSize);
        if (userId is not null)
        {
            var ids = Results.Items.Select(q => q.Id).ToList();
            var lists = SignedInOnly.Get<QuestionLists>(HttpContext);
            Bookmarked = await lists.BookmarkedAsync(User.Viewer(), userId, ids, cancellationToken);
            Lists = (await lists.ListsAsync(User.Viewer(), userId, cancellationToken)).Where(l => !l.Bookmarks).ToList();
            AttemptCounts = await SignedInOnly.Get<AttemptService>(HttpContext).CountsByQuestionAsync(User.Viewer(), userId, ids, cancellationToken);
        }

        return Page();
    }

    /// <summary>Sets or takes off a bookmark, then back to the same results (or wherever the form came from).</summary>
    public async Task<IActionResult> OnPostBookmarkAsync(string? questionId, bool on, string? returnUrl, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(questionId)
            || !await SignedInOnly.Get<QuestionLists>(HttpContext).BookmarkAsync(User.Viewer(), userId, questionId, on, cancellationToken))
        {
            return NotFound();
        }

        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
        {
            return new JsonResult(new { bookmarked = on });
        }

        TempData["Message"] = on ? "Bookmarked." : "Bookmark taken off.";
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Page("/Questions/Index")!);
    }

    /// <summary>Adds a result to one of the candidate's lists, then back to the same results.</summary>
    /// <remarks>List 0 with a name makes that list first (the question page offers it).</remarks>
    public async Task<IActionResult> OnPostAddToListAsync(string? questionId, int listId, string? newList, string? returnUrl, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId)
        {
            return Challenge();
        }

        var lists = SignedInOnly.Get<QuestionLists>(HttpContext);
        if (search.Catalogue.FindQuestion(questionId ?? string.Empty) is null)
        {
            return NotFound();
        }

        var back = Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Page("/Questions/Index")!;
        if (listId == 0 || !string.IsNullOrWhiteSpace(newList))
        {
            var made = await lists.CreateAsync(User.Viewer(), userId, newList, cancellationToken);
            if (!made.Done)
            {
                TempData["Problem"] = made.Problem;
                return LocalRedirect(back);
            }

            listId = made.Id!.Value;
        }

        var outcome = await lists.AddAsync(User.Viewer(), listId, questionId!, cancellationToken);
        if (!outcome.Done)
        {
            TempData["Problem"] = outcome.Problem;
        }
        else
        {
            TempData["Message"] = "Added to the list.";
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Page("/Questions/Index")!);
    }

    /// <summary>The link to another page of the same results.</summary>
    public string PageLink(int page) => Url.Page("/Questions/Index", new { q = Query, bank = Bank, skill = Skill, level = Level, kind = Kind, saved = Saved ? true : (bool?)null, p = page == 1 ? (int?)null : page })!;
}
