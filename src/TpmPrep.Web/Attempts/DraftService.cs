using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Access;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Attempts;

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
