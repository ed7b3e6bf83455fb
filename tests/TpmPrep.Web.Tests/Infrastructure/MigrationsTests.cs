using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>Each provider's migrations hold every change of the one model: add a property, forget one provider, and this fails.</summary>
public sealed class BothProvidersMigrationsKeepUpWithTheModel
{
    [Fact]
    public void TheSqliteMigrationsHaveEveryModelChange()
    {
        using var db = new SqliteAppDbContext((DbContextOptions<SqliteAppDbContext>)DatabaseSetup.UseSqlite(new DbContextOptionsBuilder<SqliteAppDbContext>(), "Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes the SQLite migrations lack: dotnet ef migrations add NAME --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void ThePostgresMigrationsHaveEveryModelChange()
    {
        using var db = new PostgresAppDbContext((DbContextOptions<PostgresAppDbContext>)DatabaseSetup.UsePostgres(new DbContextOptionsBuilder<PostgresAppDbContext>(), "Host=localhost").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes the PostgreSQL migrations lack: dotnet ef migrations add NAME --context PostgresAppDbContext --output-dir Data/Migrations/PostgreSql");
    }

    [Fact]
    public void BothProvidersHaveTheSameTablesAndColumns()
    {
        using var sqlite = new SqliteAppDbContext((DbContextOptions<SqliteAppDbContext>)DatabaseSetup.UseSqlite(new DbContextOptionsBuilder<SqliteAppDbContext>(), "Data Source=:memory:").Options);
        using var postgres = new PostgresAppDbContext((DbContextOptions<PostgresAppDbContext>)DatabaseSetup.UsePostgres(new DbContextOptionsBuilder<PostgresAppDbContext>(), "Host=localhost").Options);

        Assert.Equal(Columns(sqlite), Columns(postgres));
    }

    private static List<string> Columns(AppDbContext db) =>
        db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName()} {(p.IsNullable ? "null" : "not null")}"))
            .Order(StringComparer.Ordinal)
            .ToList();
}
