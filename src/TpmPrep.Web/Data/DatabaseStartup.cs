using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Accounts;

namespace TpmPrep.Web.Data;

internal static class DatabaseStartup
{
    /// <summary>
    /// Applies pending migrations (instances starting together take turns), switches SQLite to WAL mode and
    /// makes sure the roles exist.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsNpgsql())
        {
            // Instances that start together take turns: EF Core's own migration lock still let two of them
            // apply the same migration when the database was empty. A session lock, held on this connection.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(7274631)", cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(7274631)", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one request writes; the mode is stored in the file itself.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        // Accounts from before names were kept normalised for search get theirs once.
        var unnormalised = await db.Users.Where(u => u.NormalizedDisplayName == string.Empty && u.DisplayName != string.Empty).ToListAsync(cancellationToken);
        if (unnormalised.Count > 0)
        {
            unnormalised.ForEach(u => u.NormalizedDisplayName = u.DisplayName.ToUpperInvariant());
            await db.SaveChangesAsync(cancellationToken);
        }

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in AppRoles.All)
        {
            if (await roles.RoleExistsAsync(role))
            {
                continue;
            }

            try
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
            catch (DbUpdateException ex) when (DbErrors.IsLostRace(ex))
            {
                // Another instance starting at the same moment created it first, which is all that matters.
                db.ChangeTracker.Clear();
            }

            if (!await roles.RoleExistsAsync(role))
            {
                throw new InvalidOperationException($"The role {role} could not be created.");
            }
        }
    }
}
