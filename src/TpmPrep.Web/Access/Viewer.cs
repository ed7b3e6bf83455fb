using System.Security.Claims;
using TpmPrep.Web.Accounts;

namespace TpmPrep.Web.Access;

/// <summary>The person asking: who they are and which roles they hold. Roles say what one may start, never whose records one may see.</summary>
public sealed record Viewer(string UserId, IReadOnlySet<string> Roles)
{
    public bool IsAdministrator => Roles.Contains(AppRoles.Admin);

    public bool Holds(string role) => Roles.Contains(role);

    public static Viewer Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Viewer(user.RequiredUserId(), user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }
}

public static class ViewerExtensions
{
    /// <summary>The signed-in person as a <see cref="Viewer"/>; throws for an anonymous request (a bug, not a user error).</summary>
    public static Viewer Viewer(this ClaimsPrincipal user) => Access.Viewer.Of(user);
}
