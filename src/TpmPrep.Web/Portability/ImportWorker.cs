using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Portability;

/// <summary>
/// Runs queued imports one at a time, on any instance: a job is claimed by moving it from Queued to
/// Running with an update conditional on what was read (so only one instance wins), and a Running job
/// whose heartbeat has stopped for <see cref="StaleAfter"/> (its instance went away) is claimed again and
/// resumed, which is safe because an import skips what the account already has.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, DatabaseReadiness database, ImportSignal signal, ImportWriter writer, TimeProvider clock, ILogger<ImportWorker> logger) : BackgroundService
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    /// <summary>Whether any job is queued or running (one row, found on the status index).</summary>
    private static readonly string UnfinishedJobSql =
        $"""SELECT 'unfinished' FROM "ImportJobs" WHERE "Status" IN ({(int)ImportStatus.Queued}, {(int)ImportStatus.Running}) LIMIT 1""";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await database.Ready.WaitAsync(stoppingToken);
        }
#pragma warning disable CA1031 // Not started (the app is stopping, or the database could not be prepared, which stops the app).
        catch (Exception)
#pragma warning restore CA1031
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ClaimNextAsync(stoppingToken) is { } job)
                {
                    await RunAsync(job.Id, job.HeartbeatUtc, stoppingToken);
                }

                await signal.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker outlives any one failure: log it and look again at the next poll.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "The import worker failed; it looks for work again in {Poll}", Poll);
                try
                {
                    await Task.Delay(Poll, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>The oldest job waiting, or whose instance went away, moved to Running by a conditional update that only one instance can win.</summary>
    private async Task<(int Id, DateTime HeartbeatUtc)?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // Nearly always there is nothing to claim, and the first poll comes as the app starts: asked in plain SQL, it
        // does not spend the tenth of a second the query below takes to compile, on a core the first requests need.
        if (await DatabaseStartup.ReadAsync(db, UnfinishedJobSql, cancellationToken) is [])
        {
            return null;
        }

        var stale = clock.GetUtcNow().UtcDateTime - StaleAfter;
        var candidates = await db.ImportJobs.AsNoTracking()
            .Where(j => j.Status == ImportStatus.Queued || (j.Status == ImportStatus.Running && j.HeartbeatUtc < stale))
            .OrderBy(j => j.CreatedUtc).ThenBy(j => j.Id)
            .Select(j => new { j.Id, j.Status, j.HeartbeatUtc })
            .Take(5)
            .ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.ImportJobs
                .Where(j => j.Id == candidate.Id && j.Status == candidate.Status && j.HeartbeatUtc == candidate.HeartbeatUtc)
                .ExecuteUpdateAsync(job => job.SetProperty(j => j.Status, ImportStatus.Running).SetProperty(j => j.HeartbeatUtc, now), cancellationToken);
            if (claimed == 1)
            {
                return (candidate.Id, now);
            }
        }

        return null;
    }

    private async Task RunAsync(int jobId, DateTime heartbeatUtc, CancellationToken cancellationToken)
    {
        try
        {
            await writer.RunAsync(jobId, heartbeatUtc, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Import {JobId} was taken over by another instance", jobId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Import {JobId} failed", jobId);
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var progress = await db.ImportJobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => new { j.DoneRecords, j.TotalRecords }).SingleAsync(CancellationToken.None);
            var message = $"The import stopped after {progress.DoneRecords:N0} of {progress.TotalRecords:N0} records. What was written stays; importing the same file again adds the rest.";
            await db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(
                job => job.SetProperty(j => j.Status, ImportStatus.Failed).SetProperty(j => j.CompletedUtc, clock.GetUtcNow().UtcDateTime).SetProperty(j => j.Message, message),
                CancellationToken.None);
            await db.ImportJobDocuments.Where(d => d.ImportJobId == jobId).ExecuteDeleteAsync(CancellationToken.None);
        }
    }
}
