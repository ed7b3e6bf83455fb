using TpmPrep.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;

namespace TpmPrep.Web.Pages.Attempts;

public sealed class IndexModel(AttemptService attempts) : PageModel
{
    private const int PageSize = 200;

    public IReadOnlyList<AttemptSummary> Attempts { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredUserId();
        Attempts = await attempts.ListAsync(User.Viewer(), userId, PageSize, cancellationToken);
        Total = Attempts.Count < PageSize ? Attempts.Count : await attempts.CountAsync(User.Viewer(), userId, cancellationToken);
    }
}
