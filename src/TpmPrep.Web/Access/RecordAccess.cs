using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace TpmPrep.Web.Access;

/// <summary>
/// The one answer to "may this viewer do this to that person's record?": the owner always; anyone else only
/// through a grant that covers that kind of record. Services ask it before every read and write; a refusal looks
/// exactly like a record that does not exist.
/// </summary>
public sealed class RecordAccess(IEnumerable<IAccessGrant> grants)
{
    private readonly IAccessGrant[] _grants = grants.ToArray();

    public async Task<bool> AllowsAsync(Viewer viewer, string subjectUserId, RecordKind kind, AccessAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentException.ThrowIfNullOrEmpty(subjectUserId);
        if (string.Equals(viewer.UserId, subjectUserId, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var grant in _grants)
        {
            if (await grant.AllowsAsync(viewer, subjectUserId, kind, action, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Throws <see cref="RecordNotFoundException"/> (shown as 404) unless the viewer may.</summary>
    public async Task DemandAsync(Viewer viewer, string subjectUserId, RecordKind kind, AccessAction action, CancellationToken cancellationToken)
    {
        if (!await AllowsAsync(viewer, subjectUserId, kind, action, cancellationToken))
        {
            throw new RecordNotFoundException();
        }
    }

    /// <summary>
    /// Deletes the one record <paramref name="record"/> selects, with what the database cascades from it, when the
    /// viewer may change its owner's records of that kind; false when there is no such record for this viewer.
    /// </summary>
    public async Task<bool> DeleteAsync<T>(Viewer viewer, IQueryable<T> record, Expression<Func<T, string>> owner, RecordKind kind, CancellationToken cancellationToken)
        where T : class
    {
        var ownerId = await record.AsNoTracking().Select(owner).SingleOrDefaultAsync(cancellationToken);
        return ownerId is not null
            && await AllowsAsync(viewer, ownerId, kind, AccessAction.Write, cancellationToken)
            && await record.ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
