using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Accounts;

public sealed record UserRow(string Id, string Email, string DisplayName, DateTime CreatedUtc, IReadOnlyList<string> Roles);

/// <summary>What an admin can do to accounts: list them and change the role a person registered with.</summary>
public sealed class UserAdministration(AppDbContext db, UserManager<AppUser> users)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.CreatedUtc,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new UserRow(r.Id, r.Email ?? string.Empty, r.DisplayName, r.CreatedUtc, r.Roles)).ToList();
    }

    /// <summary>Replaces the user's practice role (Candidate, Hiring manager, Coach); the Admin role is left as it is.</summary>
    public async Task<bool> ChangeRoleAsync(string userId, string role)
    {
        if (!AppRoles.Selectable.Contains(role) || await users.FindByIdAsync(userId) is not { } user)
        {
            return false;
        }

        var current = (await users.GetRolesAsync(user)).Where(r => AppRoles.Selectable.Contains(r)).ToList();
        if (current.Count > 0)
        {
            await users.RemoveFromRolesAsync(user, current);
        }

        await users.AddToRoleAsync(user, role);
        // The user's cookie still names the old role until it is refreshed.
        await users.UpdateSecurityStampAsync(user);
        return true;
    }
}
