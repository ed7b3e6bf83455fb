using Npgsql;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>
/// Which database the integration tests run on: SQLite by default; PostgreSQL when TPMPREP_TEST_DATABASE
/// is PostgreSQL, on the server named by TPMPREP_TEST_POSTGRES (scripts/test.sh starts a throwaway one).
/// Each test app gets a database of its own: a file in its data folder, or a fresh PostgreSQL database.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private TestDatabase(DatabaseProvider provider, string? connectionString, string key)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Key = key;
    }

    public static DatabaseProvider SelectedProvider =>
        string.Equals(Environment.GetEnvironmentVariable("TPMPREP_TEST_DATABASE"), "PostgreSQL", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;

    public DatabaseProvider Provider { get; }

    /// <summary>The connection string to give the app; null for SQLite, which uses the file in its data folder.</summary>
    public string? ConnectionString { get; }

    /// <summary>What names this database on a connection: the SQLite file's path or the PostgreSQL database's name.</summary>
    public string Key { get; }

    public static TestDatabase Create(DatabaseProvider provider, string dataPath)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, null, Path.Combine(dataPath, "tpmprep.db"));
        }

        var server = Environment.GetEnvironmentVariable("TPMPREP_TEST_POSTGRES")
            ?? throw new InvalidOperationException("TPMPREP_TEST_DATABASE is PostgreSQL but TPMPREP_TEST_POSTGRES names no server: run the tests with scripts/test.sh, which starts one.");
        var name = "tpmprep_test_" + Guid.NewGuid().ToString("N");
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{name}\"";
            create.ExecuteNonQuery();
        }

        return new TestDatabase(provider, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, name);
    }

    public void Dispose()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("TPMPREP_TEST_POSTGRES"));
        admin.Open();
        using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{Key}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }

    /// <summary>True when the command went to this database.</summary>
    public bool Owns(System.Data.Common.DbConnection? connection) => connection switch
    {
        Microsoft.Data.Sqlite.SqliteConnection sqlite => string.Equals(sqlite.DataSource, Key, StringComparison.Ordinal),
        NpgsqlConnection postgres => string.Equals(postgres.Database, Key, StringComparison.Ordinal),
        _ => false,
    };
}
