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
                await MigrateIfBehindAsync(db, cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(7274631)", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            await MigrateIfBehindAsync(db, cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one request writes; the mode is stored in the file itself.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        // Accounts from before names were kept normalised for search get theirs once. (What start-up reads on every
        // start is read with plain SQL: each first LINQ query costs a tenth of a second to compile.)
        if (await ReadAsync(db, """SELECT "Id" FROM "AspNetUsers" WHERE "NormalizedDisplayName" = '' AND "DisplayName" <> '' LIMIT 1""", cancellationToken) is not [])
        {
            var unnormalised = await db.Users.Where(u => u.NormalizedDisplayName == string.Empty && u.DisplayName != string.Empty).ToListAsync(cancellationToken);
            unnormalised.ForEach(u => u.NormalizedDisplayName = u.DisplayName.ToUpperInvariant());
            await db.SaveChangesAsync(cancellationToken);
        }

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var existing = await ReadAsync(db, """SELECT "Name" FROM "AspNetRoles" """, cancellationToken);
        foreach (var role in AppRoles.All.Where(role => !existing.Contains(role)))
        {
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

    /// <summary>
    /// Migrates only a database that is behind. On one that is up to date (every start but the first after an
    /// upgrade) this reads the migration history with one plain query, where MigrateAsync would also take the
    /// migration lock and compare the whole model with the last migration's snapshot, and EF Core's own
    /// GetPendingMigrationsAsync would build a model for the history table: together half of start-up.
    /// </summary>
    private static async Task MigrateIfBehindAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var historyTable = db.Database.IsNpgsql()
            ? """SELECT CAST(to_regclass('"__EFMigrationsHistory"') AS text)"""
            : """SELECT "name" FROM "sqlite_master" WHERE "type" = 'table' AND "name" = '__EFMigrationsHistory'""";
        var applied = await ReadAsync(db, historyTable, cancellationToken) is not []
            ? await ReadAsync(db, """SELECT "MigrationId" FROM "__EFMigrationsHistory" """, cancellationToken)
            : [];
        if (db.Database.GetMigrations().Except(applied, StringComparer.Ordinal).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The first column of every row <paramref name="sql"/> returns (but nulls, and read as text), on the context's
    /// connection: for what runs at every start, where a first LINQ query would cost a tenth of a second to compile.
    /// </summary>
    internal static async Task<List<string>> ReadAsync(AppDbContext db, string sql, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var values = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!await reader.IsDBNullAsync(0, cancellationToken))
                {
                    values.Add(reader.GetString(0));
                }
            }

            return values;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
