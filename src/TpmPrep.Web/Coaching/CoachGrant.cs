using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Coaching;

/// <summary>
/// A consented coach reads, and only reads, what the candidate's active link allows: the summary scope opens the
/// dashboard and the count of reviews due, the attempts scope the attempts, the assessments scope the
/// self-assessments. Asked from the database once per request (a revoke or a narrower scope ends access at the next
/// request); every read it allows leaves an <see cref="AccessReceipt"/> for the candidate.
/// </summary>
public sealed class CoachGrant(AppDbContext db, AccessReceipts receipts) : IAccessGrant
{
    private readonly Dictionary<string, CoachScopes> _scopes = new(StringComparer.Ordinal);

    public static CoachScopes ScopeFor(RecordKind kind) => kind switch
    {
        RecordKind.Progress or RecordKind.Review => CoachScopes.Summary,
        RecordKind.Attempt => CoachScopes.Attempts,
        RecordKind.Assessment => CoachScopes.Assessments,
        _ => CoachScopes.None,
    };

    public async Task<bool> AllowsAsync(Viewer viewer, string subjectUserId, RecordKind kind, AccessAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var needed = ScopeFor(kind);
        if (action != AccessAction.Read || needed == CoachScopes.None || !viewer.Holds(AppRoles.Coach))
        {
            return false;
        }

        if (!_scopes.TryGetValue(subjectUserId, out var granted))
        {
            granted = await db.CoachLinks.AsNoTracking()
                .Where(l => l.CandidateId == subjectUserId && l.CoachId == viewer.UserId && l.Status == CoachLinkStatus.Active)
                .Select(l => (CoachScopes?)l.Scopes)
                .SingleOrDefaultAsync(cancellationToken) ?? CoachScopes.None;
            _scopes[subjectUserId] = granted;
        }

        if ((granted & needed) != needed)
        {
            return false;
        }

        await receipts.RecordAsync(subjectUserId, viewer.UserId, kind, cancellationToken);
        return true;
    }
}
