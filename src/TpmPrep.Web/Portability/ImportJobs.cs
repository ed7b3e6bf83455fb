using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Access;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Portability;

/// <summary>What the import page shows of one import.</summary>
public sealed record ImportJobView(
    int Id,
    string FileName,
    ImportStatus Status,
    int TotalRecords,
    int DoneRecords,
    int AddedAttempts,
    int AddedReviewSchedules,
    int AddedAssessments,
    int AddedSessions,
    int AddedQuestions,
    int Skipped,
    string? Message,
    DateTime CreatedUtc,
    DateTime? CompletedUtc)
{
    public int Percent => TotalRecords == 0 ? 100 : (int)Math.Floor(100.0 * DoneRecords / TotalRecords);

    public bool IsFinished => Status is ImportStatus.Succeeded or ImportStatus.Failed;
}

/// <summary>Takes an upload (checked whole before it is queued) and reports on the imports of an account.</summary>
public sealed class ImportJobs(AppDbContext db, DataPortability portability, ImportSignal signal, TimeProvider clock, RecordAccess access)
{
    private static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web);

    /// <summary>Checks the file and queues it for the import worker: the new job's id, or every problem with the file.</summary>
    public async Task<(int? JobId, IReadOnlyList<string> Errors)> EnqueueAsync(Viewer viewer, string userId, Stream json, string fileName, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.AllData, AccessAction.Write, cancellationToken);
        var (document, errors) = await portability.ReadAsync(json, cancellationToken);
        if (document is null)
        {
            return (null, errors);
        }

        var job = new ImportJob
        {
            UserId = userId,
            FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 200 } name ? name : "export.json",
            Status = ImportStatus.Queued,
            TotalRecords = (document.Questions?.Count ?? 0) + (document.Attempts?.Count ?? 0) + (document.ReviewSchedules?.Count ?? 0) + (document.Assessments?.Count ?? 0) + (document.Sessions?.Count ?? 0),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        db.ImportJobDocuments.Add(new ImportJobDocument { ImportJobId = job.Id, Json = JsonSerializer.Serialize(document, Compact) });
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return (job.Id, []);
    }

    public async Task<ImportJobView?> FindAsync(Viewer viewer, int id, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        return job is not null && await access.AllowsAsync(viewer, job.UserId, RecordKind.AllData, AccessAction.Read, cancellationToken) ? ToView(job) : null;
    }

    public async Task<IReadOnlyList<ImportJobView>> RecentAsync(Viewer viewer, string userId, int take, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.AllData, AccessAction.Read, cancellationToken);
        return await db.ImportJobs.AsNoTracking().Where(j => j.UserId == userId).OrderByDescending(j => j.CreatedUtc).ThenByDescending(j => j.Id).Take(take).Select(View).ToListAsync(cancellationToken);
    }

    private static readonly System.Linq.Expressions.Expression<Func<ImportJob, ImportJobView>> View = j =>
        new ImportJobView(j.Id, j.FileName, j.Status, j.TotalRecords, j.DoneRecords, j.AddedAttempts, j.AddedReviewSchedules, j.AddedAssessments, j.AddedSessions, j.AddedQuestions, j.Skipped, j.Message, j.CreatedUtc, j.CompletedUtc);

    private static readonly Func<ImportJob, ImportJobView> ToView = View.Compile();
}

/// <summary>Wakes the import worker when an import is queued on this instance; other instances find it when they next look.</summary>
public sealed class ImportSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => await _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
