using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TpmPrep.Web.Data;

/// <summary>Lets <c>dotnet ef</c> create the SQLite context without starting the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteAppDbContext>)DatabaseSetup.UseSqlite(new DbContextOptionsBuilder<SqliteAppDbContext>(), "Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> create the PostgreSQL context; migrations are generated without connecting.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgresAppDbContext>)DatabaseSetup.UsePostgres(new DbContextOptionsBuilder<PostgresAppDbContext>(), "Host=localhost;Database=tpmprep_design").Options);
}
