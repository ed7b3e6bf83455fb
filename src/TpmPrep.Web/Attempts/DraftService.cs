using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Access;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Attempts;

/// <summary>The clock on an answer, kept on the server: it starts when the candidate starts, pauses, and survives a reload.</summary>
public sealed record AnswerTimer(DateTime? StartedUtc, DateTime? PausedUtc, int PausedSeconds)
{
    public static AnswerTimer NotStarted { get; } = new(null, null, 0);

    public bool Started => StartedUtc is not null;

    public bool Paused => PausedUtc is not null;

    /// <summary>Seconds on the clock at <paramref name="nowUtc"/>: the time since the start, less the pauses.</summary>
    public int ElapsedSeconds(DateTime nowUtc) =>
        StartedUtc is not DateTime start ? 0 : Math.Max(0, (int)Math.Floor(((PausedUtc ?? nowUtc) - start).TotalSeconds) - PausedSeconds);

    public string State => !Started ? "idle" : Paused ? "paused" : "running";
}

public enum TimerAction
{
    Start,
    Pause,
    Resume,
}

/// <summary>Answers being typed, kept on the server as well as in the browser.</summary>
public sealed class DraftService(AppDbContext db, TimeProvider clock, RecordAccess access)
{
    /// <summary>Saves the draft, creating it if need be; two saves at once (two tabs) end with one row, the later text.</summary>
    public async Task<bool> SaveAsync(Viewer viewer, string userId, string questionId, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        await access.DemandAsync(viewer, userId, RecordKind.Draft, AccessAction.Write, cancellationToken);
        if (text.Length > AnswerLimits.MaxLength)
        {
            return false;
        }

        return await db.RetryOnLostRaceAsync(async () =>
        {
            var draft = await db.AnswerDrafts.SingleOrDefaultAsync(d => d.UserId == userId && d.QuestionId == questionId, cancellationToken);
            if (draft is null)
            {
                draft = new AnswerDraft { UserId = userId, QuestionId = questionId };
                db.AnswerDrafts.Add(draft);
            }

            draft.Text = text;
            draft.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        });
    }

    /// <summary>
    /// Starts, pauses or resumes the clock on the answer (creating the draft if need be) and returns it; starting a
    /// paused clock resumes it, and an action that does not apply (pausing a paused clock) changes nothing.
    /// </summary>
    public async Task<AnswerTimer> TimerAsync(Viewer viewer, string userId, string questionId, TimerAction action, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.Draft, AccessAction.Write, cancellationToken);
        return await db.RetryOnLostRaceAsync(async () =>
        {
            var draft = await db.AnswerDrafts.SingleOrDefaultAsync(d => d.UserId == userId && d.QuestionId == questionId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            if (draft is null)
            {
                draft = new AnswerDraft { UserId = userId, QuestionId = questionId, UpdatedUtc = now };
                db.AnswerDrafts.Add(draft);
            }

            if (action == TimerAction.Start && draft.TimerStartedUtc is null)
            {
                draft.TimerStartedUtc = now;
            }
            else if (action == TimerAction.Pause && draft.TimerStartedUtc is not null && draft.TimerPausedUtc is null)
            {
                draft.TimerPausedUtc = now;
            }
            else if (action is TimerAction.Resume or TimerAction.Start && draft.TimerPausedUtc is DateTime paused)
            {
                draft.TimerPausedSeconds += Math.Max(0, (int)Math.Floor((now - paused).TotalSeconds));
                draft.TimerPausedUtc = null;
            }

            await db.SaveChangesAsync(cancellationToken);
            return new AnswerTimer(draft.TimerStartedUtc, draft.TimerPausedUtc, draft.TimerPausedSeconds);
        });
    }

    /// <summary>The clock on the answer, not started when there is none.</summary>
    public async Task<AnswerTimer> FindTimerAsync(Viewer viewer, string userId, string questionId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.Draft, AccessAction.Read, cancellationToken);
        var row = await db.AnswerDrafts.AsNoTracking()
            .Where(d => d.UserId == userId && d.QuestionId == questionId)
            .Select(d => new { d.TimerStartedUtc, d.TimerPausedUtc, d.TimerPausedSeconds })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? AnswerTimer.NotStarted : new AnswerTimer(row.TimerStartedUtc, row.TimerPausedUtc, row.TimerPausedSeconds);
    }

    public async Task<(string Text, DateTime UpdatedUtc)?> FindAsync(Viewer viewer, string userId, string questionId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.Draft, AccessAction.Read, cancellationToken);
        var draft = await db.AnswerDrafts.AsNoTracking()
            .Where(d => d.UserId == userId && d.QuestionId == questionId)
            .Select(d => new { d.Text, d.UpdatedUtc })
            .SingleOrDefaultAsync(cancellationToken);
        return draft is null ? null : (draft.Text, draft.UpdatedUtc);
    }
}
