namespace TpmPrep.Web.Access;

/// <summary>
/// One reason other than ownership to let a viewer at someone's records: a consented coach, a member of an
/// interview plan, an administrator managing accounts. Each is asked on every request, from the database, so a
/// revoked grant ends access at once.
/// </summary>
public interface IAccessGrant
{
    Task<bool> AllowsAsync(Viewer viewer, string subjectUserId, RecordKind kind, AccessAction action, CancellationToken cancellationToken);
}
