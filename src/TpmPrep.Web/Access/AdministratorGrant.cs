namespace TpmPrep.Web.Access;

/// <summary>An administrator manages accounts (finds them, changes their roles), and sees nobody's practice.</summary>
public sealed class AdministratorGrant : IAccessGrant
{
    public Task<bool> AllowsAsync(Viewer viewer, string subjectUserId, RecordKind kind, AccessAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return Task.FromResult(viewer.IsAdministrator && kind == RecordKind.Account);
    }
}
