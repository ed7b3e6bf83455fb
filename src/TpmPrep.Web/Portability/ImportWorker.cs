using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Portability;

/// <summary>
/// Runs queued imports one at a time, on any instance: a job is claimed by moving it from Queued to
/// Running (the status and heartbeat are concurrency tokens, so only one instance wins), and a Running job
/// whose heartbeat has stopped for <see cref="StaleAfter"/> (its instance went away) is claimed again and
/// resumed, which is safe because an import skips what the account already has.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportSignal signal, ImportWriter writer, TimeProvider clock, ILogger<ImportWorker> logger) : BackgroundService
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ClaimNextAsync(stoppingToken) is { } jobId)
                {
                    await RunAsync(jobId, stoppingToken);
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

    private async Task<int?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stale = clock.GetUtcNow().UtcDateTime - StaleAfter;
        var candidates = await db.ImportJobs
            .Where(j => j.Status == ImportStatus.Queued || (j.Status == ImportStatus.Running && j.HeartbeatUtc < stale))
            .OrderBy(j => j.CreatedUtc).ThenBy(j => j.Id)
            .Take(5)
            .ToListAsync(cancellationToken);
        foreach (var job in candidates)
        {
            job.Status = ImportStatus.Running;
            job.HeartbeatUtc = clock.GetUtcNow().UtcDateTime;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return job.Id;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance claimed it first.
                db.Entry(job).State = EntityState.Detached;
            }
        }

        return null;
    }

    private async Task RunAsync(int jobId, CancellationToken cancellationToken)
    {
        try
        {
            await writer.RunAsync(jobId, cancellationToken);
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
            var job = await db.ImportJobs.SingleAsync(j => j.Id == jobId, CancellationToken.None);
            job.Status = ImportStatus.Failed;
            job.CompletedUtc = clock.GetUtcNow().UtcDateTime;
            job.Document = null;
            job.Message = $"The import stopped after {job.DoneRecords:N0} of {job.TotalRecords:N0} records. What was written stays; importing the same file again adds the rest.";
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}
