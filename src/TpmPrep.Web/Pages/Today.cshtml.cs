using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Access;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Practice;

namespace TpmPrep.Web.Pages;

/// <summary>The candidate's start page after log-in: the plan to the interview date, today's items, the next step, the streak.</summary>
public sealed class TodayModel(TodayService today, CatalogueProvider catalogue) : PageModel
{
    public TodayView View { get; private set; } = null!;

    public string LevelTitle(string id) => catalogue.Current.LevelTitle(id);

    public string SkillTitle(string id) => catalogue.Current.SkillTitle(id);

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await today.GetAsync(User.Viewer(), cancellationToken);
}
