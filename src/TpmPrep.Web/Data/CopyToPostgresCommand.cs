using System.Reflection;
using Humanizer;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Data;

/// <summary>
/// <c>copy-to-postgresql CONNECTION</c>: copies this SQLite instance, whole, into an empty PostgreSQL database:
/// every table (users with their password hashes, roles, every record, with their ids) and the Data
/// Protection keys, so that people stay logged in across the move. It refuses a target that holds data and
/// checks every table's row count afterwards.
/// </summary>
internal static class CopyToPostgresCommand
{
    private const int BatchSize = 1000;

    /// <summary>Tables the app fills by itself on start-up (roles) or that are not data (migrations): a target with only these is empty.</summary>
    private static readonly HashSet<string> SeedTables = new(StringComparer.Ordinal) { "AspNetRoles" };

    public static async Task<int> RunAsync(IServiceProvider services, TpmPrepPaths paths, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 1)
        {
            await error.WriteLineAsync("usage: copy-to-postgresql \"Host=...;Database=...;Username=...;Password=...\"");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!source.Database.IsSqlite())
        {
            await error.WriteLineAsync("This instance already runs on PostgreSQL: copy-to-postgresql copies a SQLite instance (start it without TpmPrep:Database=PostgreSQL).");
            return 2;
        }

        await services.PrepareDatabaseAsync();
        var options = (DbContextOptions<PostgresAppDbContext>)DatabaseSetup.UsePostgres(new DbContextOptionsBuilder<PostgresAppDbContext>(), args[0]).Options;
        await using (var target = new PostgresAppDbContext(options))
        {
            await output.WriteLineAsync("Creating the schema in the target database...");
            await target.Database.MigrateAsync();
            var occupied = await OccupiedTablesAsync(target);
            if (occupied.Count > 0)
            {
                await error.WriteLineAsync($"The target database is not empty ({string.Join(", ", occupied.Select(t => $"{t.Table}: {"row".ToQuantity(t.Rows, "N0", System.Globalization.CultureInfo.InvariantCulture)}"))}); nothing was copied. Give an empty database.");
                return 1;
            }

            // Only the roles the app created on its own start: replaced by the source's, whose ids the user roles name.
            await target.Roles.ExecuteDeleteAsync();
        }

        // The key ring is copied from the files the SQLite instance keeps it in (below), not from its table.
        var order = CopyOrder(source.Model).Where(e => e.ClrType != typeof(DataProtectionKey)).ToList();
        foreach (var entity in order)
        {
            var copied = (Task<int>)typeof(CopyToPostgresCommand).GetMethod(nameof(CopyTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(entity.ClrType)
                .Invoke(null, [source, options])!;
            await output.WriteLineAsync($"  {entity.GetTableName(),-24} {"row".ToQuantity(await copied, "N0", System.Globalization.CultureInfo.InvariantCulture),12}");
        }

        var keys = await CopyKeyRingAsync(paths, options);
        await output.WriteLineAsync($"  {"(Data Protection keys)",-24} {"key".ToQuantity(keys, "N0", System.Globalization.CultureInfo.InvariantCulture),12} from {paths.KeysPath}");

        await using (var target = new PostgresAppDbContext(options))
        {
            await ResetSequencesAsync(target);
            var mismatches = new List<string>();
            foreach (var entity in order)
            {
                var (from, to) = (await CountAsync(source, entity), await CountAsync(target, entity));
                if (from != to)
                {
                    mismatches.Add($"{entity.GetTableName()}: {from:N0} in SQLite, {to:N0} in PostgreSQL");
                }
            }

            if (mismatches.Count > 0)
            {
                await error.WriteLineAsync("The copy is incomplete: " + string.Join("; ", mismatches));
                return 1;
            }
        }

        await output.WriteLineAsync($"Copied: every table has the same number of rows in both databases. Run the app on PostgreSQL now: TpmPrep__Database=PostgreSQL ConnectionStrings__TpmPrep=\"{Redacted(args[0])}\".");
        return 0;
    }

    /// <summary>Principals before dependants, so that every foreign key finds its row.</summary>
    private static List<IEntityType> CopyOrder(IModel model)
    {
        var remaining = model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).ToList();
        var ordered = new List<IEntityType>();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(e => e.GetForeignKeys().All(fk => fk.PrincipalEntityType == e || ordered.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The model's foreign keys form a cycle: " + string.Join(", ", remaining.Select(e => e.GetTableName())));
            }

            ordered.AddRange(ready.OrderBy(e => e.GetTableName(), StringComparer.Ordinal));
            remaining.RemoveAll(ready.Contains);
        }

        return ordered;
    }

    private static async Task<int> CopyTableAsync<T>(AppDbContext source, DbContextOptions<PostgresAppDbContext> options)
        where T : class
    {
        var copied = 0;
        var batch = new List<T>(BatchSize);
        await foreach (var row in source.Set<T>().AsNoTracking().AsAsyncEnumerable())
        {
            batch.Add(row);
            if (batch.Count == BatchSize)
            {
                copied += await WriteAsync(batch, options);
            }
        }

        return copied + await WriteAsync(batch, options);
    }

    private static async Task<int> WriteAsync<T>(List<T> batch, DbContextOptions<PostgresAppDbContext> options)
        where T : class
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await using var target = new PostgresAppDbContext(options);
        target.Set<T>().AddRange(batch);
        await target.SaveChangesAsync();
        var count = batch.Count;
        batch.Clear();
        return count;
    }

    /// <summary>The SQLite instance keeps its key ring as files; PostgreSQL instances read it from the database.</summary>
    private static async Task<int> CopyKeyRingAsync(TpmPrepPaths paths, DbContextOptions<PostgresAppDbContext> options)
    {
        if (!Directory.Exists(paths.KeysPath))
        {
            return 0;
        }

        await using var target = new PostgresAppDbContext(options);
        var files = Directory.EnumerateFiles(paths.KeysPath, "key-*.xml").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            target.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(file), Xml = await File.ReadAllTextAsync(file) });
        }

        await target.SaveChangesAsync();
        return files.Count;
    }

    /// <summary>Rows were copied with their ids: move each identity sequence past the largest, so new rows get new ids.</summary>
    private static async Task ResetSequencesAsync(PostgresAppDbContext target)
    {
        foreach (var entity in target.Model.GetEntityTypes())
        {
            var key = entity.FindPrimaryKey();
            if (key is not { Properties: [{ ClrType: var type, ValueGenerated: ValueGenerated.OnAdd } id] } || type != typeof(int) || entity.GetTableName() is not { } table)
            {
                continue;
            }

            var column = id.GetColumnName();
#pragma warning disable EF1002 // The table and column names come from the model, not from input; identifiers cannot be parameters.
            await target.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)");
#pragma warning restore EF1002
        }
    }

    private static async Task<List<(string Table, long Rows)>> OccupiedTablesAsync(PostgresAppDbContext target)
    {
        var occupied = new List<(string, long)>();
        foreach (var entity in target.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table && !SeedTables.Contains(table) && await CountAsync(target, entity) is var rows and > 0)
            {
                occupied.Add((table, rows));
            }
        }

        return occupied;
    }

    private static Task<long> CountAsync(AppDbContext db, IEntityType entity) =>
        (Task<long>)typeof(CopyToPostgresCommand).GetMethod(nameof(CountRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(entity.ClrType)
            .Invoke(null, [db])!;

    private static Task<long> CountRowsAsync<T>(AppDbContext db)
        where T : class => db.Set<T>().LongCountAsync();

    private static string Redacted(string connectionString) =>
        System.Text.RegularExpressions.Regex.Replace(connectionString, "(?i)(password)=[^;]*", "$1=...");
}
