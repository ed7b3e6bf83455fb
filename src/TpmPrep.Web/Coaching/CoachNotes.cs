using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Access;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Coaching;

/// <summary>
/// A coach's private notes on one candidate: the coach's own record, read and written only through the coach's active
/// link (so nothing after a revoke), never shown to the candidate and not in the candidate's export.
/// </summary>
public sealed class CoachNotes(AppDbContext db, TimeProvider clock, CoachLinks links)
{
    public static string? Check(string? body) =>
        body is not null && body.Length > CoachingLimits.NoteLength
            ? $"Notes may be at most {CoachingLimits.NoteLength:N0} characters; these have {body.Length:N0}. Nothing was saved, and your text is still here to shorten."
            : null;

    /// <summary>The notes and when they were last saved; null when the link is not the coach's active one.</summary>
    public async Task<(string Body, DateTime? UpdatedUtc)?> FindAsync(Viewer coach, int linkId, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(coach, linkId, cancellationToken) is not { } link)
        {
            return null;
        }

        var note = await db.CoachNotes.AsNoTracking()
            .Where(n => n.CoachId == coach.UserId && n.CandidateId == link.CandidateId)
            .Select(n => new { n.Body, n.UpdatedUtc })
            .SingleOrDefaultAsync(cancellationToken);
        return (note?.Body ?? string.Empty, note?.UpdatedUtc);
    }

    /// <summary>Saves the notes (empty removes them); false when the link is not the coach's active one.</summary>
    public async Task<bool> SaveAsync(Viewer coach, int linkId, string? body, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(coach, linkId, cancellationToken) is not { } link)
        {
            return false;
        }

        if (Check(body) is { } problem)
        {
            throw new ArgumentException(problem, nameof(body));
        }

        var text = body?.Trim() ?? string.Empty;
        await db.RetryOnLostRaceAsync(async () =>
        {
            var note = await db.CoachNotes.SingleOrDefaultAsync(n => n.CoachId == coach.UserId && n.CandidateId == link.CandidateId, cancellationToken);
            if (text.Length == 0)
            {
                if (note is not null)
                {
                    db.CoachNotes.Remove(note);
                }
            }
            else
            {
                if (note is null)
                {
                    note = new CoachNote { CoachId = coach.UserId, CandidateId = link.CandidateId };
                    db.CoachNotes.Add(note);
                }

                note.Body = text;
                note.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        });
        return true;
    }
}
