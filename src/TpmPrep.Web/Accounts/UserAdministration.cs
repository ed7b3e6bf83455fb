using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Access;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Accounts;

public sealed record UserRow(string Id, string Email, string DisplayName, DateTime CreatedUtc, IReadOnlyList<string> Roles);

/// <summary>One page of the accounts that match a search.</summary>
public sealed record UserPage(IReadOnlyList<UserRow> Users, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>What an administrator can do to accounts: find them and give or take their roles.</summary>
public sealed class UserAdministration(AppDbContext db, UserManager<AppUser> users, RecordAccess access)
{
    public const int PageSize = 50;

    /// <summary>
    /// Accounts whose e-mail or name contains <paramref name="search"/> in any case, by e-mail, a page at a time.
    /// Both are compared in their upper-case forms, so SQLite and PostgreSQL find the same people.
    /// </summary>
    public async Task<UserPage> ListAsync(Viewer viewer, string? search, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.IsAdministrator)
        {
            throw new RecordNotFoundException();
        }

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

    /// <summary>
    /// Sets which of the roles Candidate, Hiring manager and Coach the person holds: as many as they use. A role lets
    /// one start things (plans, coaching), never see anyone's records. The Admin role is given on the command line
    /// and left as it is.
    /// </summary>
    public async Task<bool> SetRolesAsync(Viewer viewer, string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Any(r => !AppRoles.Selectable.Contains(r)) || await users.FindByIdAsync(userId) is not { } user
            || !await access.AllowsAsync(viewer, userId, RecordKind.Account, AccessAction.Write, cancellationToken))
        {
            return false;
        }

        var held = (await users.GetRolesAsync(user)).Where(AppRoles.Selectable.Contains).ToList();
        var removed = await users.RemoveFromRolesAsync(user, held.Except(roles).ToList());
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, roles.Except(held).Distinct().ToList()) : removed;
        // The user's cookie still names the old roles until it is refreshed.
        await users.UpdateSecurityStampAsync(user);
        return added.Succeeded;
    }
}
