using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Demo;

/// <summary>The demo coach, linked to the demo candidate with every scope, so the cohort view shows something on first run.</summary>
public sealed class DemoCoaching(UserManager<AppUser> users, AppDbContext db, TimeProvider clock)
{
    public const string CoachEmail = "coach@tpmprep.local";

    /// <summary>Creates the coach and the link; false when the coach exists already (nothing changes).</summary>
    public async Task<bool> CreateAsync(string candidateEmail, string password, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(CoachEmail) is not null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var coach = new AppUser { UserName = CoachEmail, Email = CoachEmail, DisplayName = "Demo Coach", CreatedUtc = now.AddDays(-60), TimeZoneId = "UTC" };
        var created = await users.CreateAsync(coach, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(coach, AppRoles.Coach);
        var candidateId = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == users.NormalizeEmail(candidateEmail)).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        if (candidateId is not null)
        {
            db.CoachLinks.Add(new CoachLink { CandidateId = candidateId, CoachId = coach.Id, Status = CoachLinkStatus.Active, Scopes = CoachScopes.All, CreatedUtc = now.AddDays(-30), ConsentedUtc = now.AddDays(-30) });
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }
}
