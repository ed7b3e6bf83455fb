namespace TpmPrep.Web.Data;

/// <summary>
/// An import of a JSON export, checked when it was uploaded and written in batches by the import worker,
/// so a large one neither holds a request open nor the database for long. Any instance may run it.
/// </summary>
public sealed class ImportJob
{
    public int Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    /// <summary>Claimed by a worker by moving it from Queued to Running with an update only one worker can win.</summary>
    public ImportStatus Status { get; set; }


    /// <summary>Records in the file: attempts, review schedules, assessments and sessions.</summary>
    public int TotalRecords { get; set; }

    /// <summary>Records written or skipped so far.</summary>
    public int DoneRecords { get; set; }

    public int AddedAttempts { get; set; }

    public int AddedReviewSchedules { get; set; }

    public int AddedAssessments { get; set; }

    public int AddedSessions { get; set; }

    public int AddedQuestions { get; set; }

    /// <summary>Records left out because the account already had them.</summary>
    public int Skipped { get; set; }

    /// <summary>What the candidate should know about the result, or why it failed.</summary>
    public string? Message { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Moved on by the worker after every batch: a Running job whose heartbeat stopped is taken up again.</summary>
    public DateTime? HeartbeatUtc { get; set; }

    public DateTime? CompletedUtc { get; set; }
}
