using System.Security.Claims;

namespace TpmPrep.Web.Accounts;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id; throws when called for an anonymous request (a bug, not a user error).</summary>
    public static string RequiredUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
