using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Chooses the database at start-up (setting <c>TpmPrep:Database</c>: <c>Sqlite</c>, the default, or
/// <c>PostgreSQL</c>; connection string <c>ConnectionStrings:TpmPrep</c>) and where the Data Protection keys
/// live: beside the SQLite file, or in the PostgreSQL database so that every instance shares them.
/// </summary>
public static class DatabaseSetup
{
    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["TpmPrep:Database"] switch
        {
            null or "" => DatabaseProvider.Sqlite,
            var name when name.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Sqlite,
            var name when name.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) || name.Equals("Postgres", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.PostgreSql,
            var name => throw new InvalidOperationException($"TpmPrep:Database is '{name}'; it must be Sqlite or PostgreSQL."),
        };
    }

    public static IServiceCollection AddTpmPrepData(this IServiceCollection services, IConfiguration configuration, TpmPrepPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var connectionString = configuration.GetConnectionString("TpmPrep");
        services.AddSingleton<DatabaseReadiness>();
        var dataProtection = services.AddDataProtection().SetApplicationName("TpmPrep");
        switch (Provider(configuration))
        {
            case DatabaseProvider.PostgreSql:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("TpmPrep:Database is PostgreSQL: set the connection string ConnectionStrings:TpmPrep (for example ConnectionStrings__TpmPrep=\"Host=db;Database=tpmprep;Username=tpmprep;Password=...\").");
                }

                // The compiled model spares building the model at every start (Data/CompiledModels; a test keeps it current).
                // The options are built once, not for every request's context: they depend on nothing a request has.
                // EF Core's thread-safety check (which throws when one context is used by two operations at once) is
                // off: each request has its own context and awaits every query before the next, and the check set an
                // AsyncLocal for every row read, a sixth of what the dashboard allocated (190 MB of 1.1 GB in a trace).
                services.AddDbContext<AppDbContext, PostgresAppDbContext>(
                    options => UsePostgres(options, connectionString).UseModel(CompiledModels.PostgreSql.PostgresAppDbContextModel.Instance).EnableThreadSafetyChecks(false),
                    optionsLifetime: ServiceLifetime.Singleton);
                // Keys in the database: a cookie or form issued by one instance is accepted by every other.
                dataProtection.PersistKeysToDbContext<AppDbContext>();
                break;
            default:
                // As above: compiled model, options built once, no thread-safety check.
                services.AddDbContext<AppDbContext, SqliteAppDbContext>(
                    options => UseSqlite(options, connectionString ?? paths.DefaultConnectionString).UseModel(CompiledModels.Sqlite.SqliteAppDbContextModel.Instance).EnableThreadSafetyChecks(false),
                    optionsLifetime: ServiceLifetime.Singleton);
                // Keys beside the database, so a restart (or a second instance on the same data folder) keeps people logged in.
                dataProtection.PersistKeysToFileSystem(new DirectoryInfo(paths.KeysPath));
                break;
        }

        return services;
    }

    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString)
            .AddInterceptors(new SqliteConnectionSetup())
            // A SQLite table rebuild switches foreign keys off, which cannot happen inside a transaction; EF Core
            // does it that way on purpose, and saying so at every first start only alarms people.
            .ConfigureWarnings(warnings => warnings.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning));

    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);
}
