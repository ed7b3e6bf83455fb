using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using TpmPrep.Web.Data;
using TpmPrep.Web.Data.CompiledModels.PostgreSql;
using TpmPrep.Web.Data.CompiledModels.Sqlite;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>
/// The app runs on compiled models (Data/CompiledModels), which spare it building the model at every start. They are
/// generated code: change an entity or its configuration without running scripts/compiled-models.sh, and these fail.
/// </summary>
public sealed class TheCompiledModelsAreTheModelTheCodeBuilds
{
    private const string Regenerate = "generate them again with scripts/compiled-models.sh";

    [Fact]
    public void OnSqlite()
    {
        using var built = new SqliteAppDbContext((DbContextOptions<SqliteAppDbContext>)DatabaseSetup.UseSqlite(new DbContextOptionsBuilder<SqliteAppDbContext>(), "Data Source=:memory:").Options);
        using var compiled = new SqliteAppDbContext((DbContextOptions<SqliteAppDbContext>)DatabaseSetup.UseSqlite(new DbContextOptionsBuilder<SqliteAppDbContext>(), "Data Source=:memory:")
            .UseModel(SqliteAppDbContextModel.Instance).Options);

        AssertSame(built, compiled, Regenerate);
    }

    [Fact]
    public void OnPostgres()
    {
        using var built = new PostgresAppDbContext((DbContextOptions<PostgresAppDbContext>)DatabaseSetup.UsePostgres(new DbContextOptionsBuilder<PostgresAppDbContext>(), "Host=localhost").Options);
        using var compiled = new PostgresAppDbContext((DbContextOptions<PostgresAppDbContext>)DatabaseSetup.UsePostgres(new DbContextOptionsBuilder<PostgresAppDbContext>(), "Host=localhost")
            .UseModel(PostgresAppDbContextModel.Instance).Options);

        AssertSame(built, compiled, Regenerate);
    }

    [Fact]
    public void TheAppUsesThem()
    {
        using var factory = new TpmPrepFactory();
        using var scope = factory.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;

        Assert.IsType(factory.Database.Provider == DatabaseProvider.PostgreSql ? typeof(PostgresAppDbContextModel) : typeof(SqliteAppDbContextModel), model);
    }

    private static void AssertSame(AppDbContext built, AppDbContext compiled, string regenerate)
    {
        // Both read-optimised models, as the app uses them: the tables, columns, keys and indexes...
        Assert.True(
            built.Model.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.LongDefault) == compiled.Model.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.LongDefault),
            "the compiled model has another schema than the code; " + regenerate);
        // ... and everything else the model says (conversions, concurrency tokens, navigations, query filters).
        Assert.True(built.Model.ToDebugString(MetadataDebugStringOptions.LongDefault) == compiled.Model.ToDebugString(MetadataDebugStringOptions.LongDefault), "the compiled model differs from the one the code builds; " + regenerate);
    }
}
