using System.Net;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>
/// The app listens while its database is still being prepared: /healthz says so (503, "preparing the database"), a
/// page asked for meanwhile waits and is then served, and a database that cannot be prepared stops the app.
/// </summary>
public sealed class ListensBeforeTheDatabaseIsReady
{
    /// <summary>
    /// On PostgreSQL the test holds the lock that instances take turns on while they migrate, so it decides when
    /// preparing can go on (TPMPREP_TEST_POSTGRES names the server, as for the other PostgreSQL tests).
    /// </summary>
    [Fact]
    public async Task HealthSaysPreparingAndPagesWaitForTheDatabase()
    {
        using var database = TestDatabase.Create(DatabaseProvider.PostgreSql, Path.GetTempPath());
        await using var holder = new NpgsqlConnection(database.ConnectionString);
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(7274631)", holder))
        {
            await take.ExecuteNonQueryAsync();
        }

        using var factory = new PostgresInstance(database) { WaitForDatabase = false };
        using var client = factory.CreateClient();
        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("preparing the database", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var readiness = factory.Services.GetRequiredService<DatabaseReadiness>();
        Assert.False(readiness.IsReady);

        var page = client.GetAsync("/account/register");
        await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock(7274631)", holder))
        {
            await release.ExecuteNonQueryAsync();
        }

        var response = await page;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(readiness.IsReady);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task ADatabaseThatCannotBePreparedStopsTheApp()
    {
        using var factory = new UnwritableDatabase { WaitForDatabase = false };
        // The host may already be stopping (and the factory throwing the error) by the time it is handed over.
        _ = Record.Exception(() => factory.Server);

        await Assert.ThrowsAnyAsync<Exception>(() => factory.Readiness.Ready.WaitAsync(TimeSpan.FromMinutes(2)));

        Assert.False(factory.Readiness.IsReady);
        Assert.True(factory.Readiness.Lifetime?.ApplicationStopping.IsCancellationRequested);
    }

    private sealed class PostgresInstance(TestDatabase database) : TpmPrepFactory(DatabaseProvider.PostgreSql, database);

    /// <summary>A folder where the SQLite file should be: SQLite cannot open it.</summary>
    private sealed class UnwritableDatabase : TpmPrepFactory
    {
        public UnwritableDatabase()
            : base(DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(DatabasePath);
        }

        /// <summary>The app's readiness, kept here: the app's services are disposed once it has stopped.</summary>
        public DatabaseReadiness Readiness { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton(Readiness));
        }
    }
}
