using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Access;
using TpmPrep.Web.Data;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Coaching;

public sealed record ReceiptRow(string CoachName, RecordKind Kind, string Path, DateTime AtUtc);

/// <summary>
/// The candidate's record of what their coaches opened. One receipt per kind of record per request (a dashboard
/// reads progress and reviews due, and counts as one look at each), written by a context of its own so a read-only
/// request never saves anything of the page's own context.
/// </summary>
public sealed class AccessReceipts(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock, AppDbContext db)
{
    private const int PathLength = 200;

    public async Task RecordAsync(string candidateId, string coachId, RecordKind kind, CancellationToken cancellationToken)
    {
        var context = http.HttpContext;
        var key = $"receipt:{candidateId}:{coachId}:{kind}";
        if (context is not null)
        {
            if (context.Items.ContainsKey(key))
            {
                return;
            }

            context.Items[key] = true;
        }

        var path = context?.Request.Path.Value ?? "(outside a request)";
        if (path.Length > PathLength)
        {
            path = path[..PathLength];
        }

        await using var scope = scopes.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        writer.AccessReceipts.Add(new AccessReceipt { CandidateId = candidateId, CoachId = coachId, Kind = kind, Path = path, AtUtc = clock.GetUtcNow().UtcDateTime });
        await writer.SaveChangesAsync(cancellationToken);
    }

    /// <summary>One page of the receipts on the candidate's records, newest first. Only the candidate asks (their own page).</summary>
    public async Task<Paged<ReceiptRow>> PageAsync(string candidateId, int page, CancellationToken cancellationToken)
    {
        page = Paging.Clamp(page);
        var size = CoachingLimits.ReceiptPageSize;
        var query = db.AccessReceipts.AsNoTracking().Where(r => r.CandidateId == candidateId);
        var items = await query
            .OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Id)
            .Skip(Paging.Skip(page, size)).Take(size)
            .Select(r => new ReceiptRow(db.Users.Where(u => u.Id == r.CoachId).Select(u => u.DisplayName).First(), r.Kind, r.Path, r.AtUtc))
            .ToListAsync(cancellationToken);
        var total = page == 1 && items.Count < size ? items.Count : await query.CountAsync(cancellationToken);
        return new Paged<ReceiptRow>(items, total, page, size);
    }
}
