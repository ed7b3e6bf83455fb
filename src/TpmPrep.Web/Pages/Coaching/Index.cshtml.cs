using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Data;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Pages.Coaching;

/// <summary>The candidate's side of coaching: invitations, the consent screen for each coach, and what each coach opened.</summary>
public sealed class IndexModel(CoachLinks links, AccessReceipts receipts) : PageModel
{
    public CandidateCoaching Overview { get; private set; } = null!;

    public Paged<ReceiptRow> Receipts { get; private set; } = null!;

    /// <summary>The code of the invitation just made: shown once, never stored.</summary>
    public string? NewCode { get; private set; }

    public DateTime? NewCodeExpiresUtc { get; private set; }

    [BindProperty]
    public string? CoachEmail { get; set; }

    /// <summary>The scope checkboxes (values of <see cref="CoachScopes"/>, one per box).</summary>
    [BindProperty(Name = "scope")]
    public List<int> Scope { get; set; } = [];

    public string CandidateId => User.RequiredUserId();

    public async Task OnGetAsync(int p, CancellationToken cancellationToken)
    {
        Overview = await links.OverviewAsync(CandidateId, cancellationToken);
        Receipts = await receipts.PageAsync(CandidateId, p, cancellationToken);
        // TempData keeps ints and strings, not longs (and turns a date-like string back into a local DateTime): the
        // expiry travels as its ticks, written out.
        if (TempData["InviteCode"] is string code && TempData["InviteExpires"] is string expires
            && long.TryParse(expires, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks)
        {
            NewCode = code;
            NewCodeExpiresUtc = new DateTime(ticks, DateTimeKind.Utc);
        }
    }

    public string JoinUrl(string code) => Url.Page("/Coach/Join", null, new { code = InviteCodes.Format(code) }, Request.Scheme) ?? string.Empty;

    private CoachScopes Chosen => Scope.Aggregate(CoachScopes.None, (all, one) => all | ((CoachScopes)one & CoachScopes.All));

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var (invite, error) = await links.CreateInviteAsync(CandidateId, Chosen, CoachEmail, cancellationToken);
        if (invite is null)
        {
            ModelState.AddModelError(string.Empty, error!);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await OnGetAsync(1, cancellationToken);
            return Page();
        }

        TempData["InviteCode"] = invite.Code;
        TempData["InviteExpires"] = invite.ExpiresUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        TempData["Message"] = "Invitation made. Hand the code or the link to your coach: it works once, for 7 days.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCancelAsync(int inviteId, CancellationToken cancellationToken)
    {
        if (!await links.CancelInviteAsync(CandidateId, inviteId, cancellationToken))
        {
            return NotFound();
        }

        TempData["Message"] = "Invitation cancelled: its code no longer works.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostScopesAsync(int linkId, CancellationToken cancellationToken)
    {
        var chosen = Chosen;
        if (!await links.SetScopesAsync(CandidateId, linkId, chosen, cancellationToken))
        {
            return NotFound();
        }

        TempData["Message"] = chosen == CoachScopes.None
            ? "Nothing left to share, so the coach's access has ended."
            : "Saved. Your coach now sees: " + string.Join(", ", CoachLinks.ScopeNames(chosen)) + ".";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int linkId, CancellationToken cancellationToken)
    {
        if (!await links.RevokeAsync(CandidateId, linkId, cancellationToken))
        {
            return NotFound();
        }

        TempData["Message"] = "Access ended: your coach sees nothing of yours from now on. Their comments stay with you.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAcceptAsync(int linkId, CancellationToken cancellationToken)
    {
        var chosen = Chosen;
        if (chosen == CoachScopes.None)
        {
            ModelState.AddModelError(string.Empty, "Choose at least one thing the coach may see, or decline the request.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await OnGetAsync(1, cancellationToken);
            return Page();
        }

        if (!await links.AcceptRequestAsync(CandidateId, linkId, chosen, cancellationToken))
        {
            return NotFound();
        }

        TempData["Message"] = "Request accepted. Your coach now sees: " + string.Join(", ", CoachLinks.ScopeNames(chosen)) + ".";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeclineAsync(int linkId, CancellationToken cancellationToken)
    {
        if (!await links.RevokeAsync(CandidateId, linkId, cancellationToken))
        {
            return NotFound();
        }

        TempData["Message"] = "Request declined.";
        return RedirectToPage();
    }
}
