using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TpmPrep.Web.Data;

/// <summary>
/// Makes every SQLite connection wait its turn when another is writing, instead of failing, switches foreign keys on,
/// and lets a commit return once it is in the write-ahead log, not once the disk has confirmed it
/// (<c>synchronous = NORMAL</c>, what SQLite recommends with WAL): the database cannot be corrupted by a crash of the
/// app or of the machine, but a power cut can take back the last commits before it. Each commit used to wait for
/// the disk while holding the write lock that every other writer queues for.
/// </summary>
/// <remarks>
/// SQLite's own busy timeout waits longer and longer between tries (up to 100 ms each), so under a steady stream of
/// writes a writer that has waited once keeps losing the lock to newer ones: the slowest writes took close to a
/// second while the typical one took 15 ms. This handler tries again every millisecond instead, which hands the lock
/// on as soon as it is free, for the same total wait.
/// </remarks>
internal sealed partial class SqliteConnectionSetup : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 5000;

    private const string Pragmas = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    private static long _waits;

    /// <summary>How many times, since the app started, a connection has had to wait for another one's lock.</summary>
    public static long Waits => Interlocked.Read(ref _waits);

    /// <summary>
    /// The native connections already set up. The pool hands the same one out again and again, and the busy handler
    /// and the pragmas last as long as it does, so each is set up once instead of at every open (one more SQL command
    /// per query).
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> SetUp = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!FirstOpen(connection))
        {
            return;
        }

        try
        {
            SetBusyHandler(connection);
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
        catch
        {
            Forget(connection);
            throw;
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!FirstOpen(connection))
        {
            return;
        }

        try
        {
            SetBusyHandler(connection);
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            Forget(connection);
            throw;
        }
    }

    /// <summary>True the first time this native connection is seen, which marks it seen.</summary>
    private static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || SetUp.TryAdd(handle, handle);

    /// <summary>A set-up that failed (a cancelled open, say) is tried again at the next open of the same connection.</summary>
    private static void Forget(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SetUp.Remove(handle);
        }
    }

    private static unsafe void SetBusyHandler(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            // SQLitePCLRaw does not wrap sqlite3_busy_handler; this is the same SQLite library it loaded.
            var status = NativeBusyHandler(handle.DangerousGetHandle(), &WaitOneMillisecond, IntPtr.Zero);
            if (status != 0)
            {
                throw new InvalidOperationException($"sqlite3_busy_handler failed with SQLite error {status}");
            }
        }
    }

    [System.Runtime.InteropServices.LibraryImport("e_sqlite3", EntryPoint = "sqlite3_busy_handler")]
    private static unsafe partial int NativeBusyHandler(IntPtr database, delegate* unmanaged<IntPtr, int, int> handler, IntPtr argument);

    /// <summary>SQLite calls this each time the lock it needs is taken: 1 to try again, 0 to give up with SQLITE_BUSY.</summary>
    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static int WaitOneMillisecond(IntPtr argument, int count)
    {
        if (count >= BusyTimeoutMilliseconds)
        {
            return 0;
        }

        if (count == 0)
        {
            Interlocked.Increment(ref _waits);
        }

        Thread.Sleep(1);
        return 1;
    }
}
