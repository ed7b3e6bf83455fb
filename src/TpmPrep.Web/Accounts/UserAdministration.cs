using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Accounts;

public sealed record UserRow(string Id, string Email, string DisplayName, DateTime CreatedUtc, IReadOnlyList<string> Roles);

/// <summary>One page of the accounts that match a search.</summary>
public sealed record UserPage(IReadOnlyList<UserRow> Users, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>What an admin can do to accounts: list them and change the role a person registered with.</summary>
public sealed class UserAdministration(AppDbContext db, UserManager<AppUser> users)
{
    public const int PageSize = 50;

    /// <summary>
    /// Accounts whose e-mail or name contains <paramref name="search"/> in any case, by e-mail, a page at a time.
    /// Both are compared in their upper-case forms, so SQLite and PostgreSQL find the same people.
    /// </summary>
    public async Task<UserPage> ListAsync(string? search, int page, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(term) || u.NormalizedDisplayName.Contains(term));
        }

        var total = await users.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await users
            .OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.CreatedUtc,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        return new UserPage(rows.Select(r => new UserRow(r.Id, r.Email ?? string.Empty, r.DisplayName, r.CreatedUtc, r.Roles)).ToList(), total, page, PageSize);
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
