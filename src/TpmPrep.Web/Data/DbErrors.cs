using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TpmPrep.Web.Data;

/// <summary>Tells a lost race (someone else inserted or changed the row first) from a real failure, on either database.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const string PostgresUniqueViolation = "23505";
    private const int MaxTries = 20;

    /// <summary>True when the save failed because a unique index already holds the row, or the row changed since it was read.</summary>
    public static bool IsLostRace(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException
        || exception.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite && sqlite.SqliteExtendedErrorCode is 2067 or 1555
        || exception.InnerException is PostgresException { SqlState: PostgresUniqueViolation };

    /// <summary>
    /// Runs <paramref name="write"/> (which reads, changes and saves) again, on a clean change tracker, when it
    /// loses a race. Each loss means another request has just finished, so with a short, random pause between
    /// tries even a dozen writers at once on one row all get through.
    /// </summary>
    public static async Task<T> RetryOnLostRaceAsync<T>(this AppDbContext db, Func<Task<T>> write)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(write);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (DbUpdateException ex) when (attempt < MaxTries && IsLostRace(ex))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, 10 * attempt));
            }
        }
    }
}
