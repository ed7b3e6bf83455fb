using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Model;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Access;
using TpmPrep.Web.Data;
using TpmPrep.Web.Questions;
using TpmPrep.Web.Review;

namespace TpmPrep.Web.Practice;

/// <summary>What to build a session from; empty lists mean "any".</summary>
public sealed record SessionRequest(
    IReadOnlyCollection<string> Banks,
    IReadOnlyCollection<string> Skills,
    IReadOnlyCollection<string> Levels,
    IReadOnlyCollection<string> Kinds,
    int Count,
    SessionMode Mode);

public sealed record SessionItemView(int Position, string QuestionId, int? AttemptId, DateTime? ShownUtc, double? AverageScore, int? TimeTakenSeconds, bool WentOvertime);

public sealed record SessionView(int Id, string OwnerId, SessionMode Mode, string Description, int TotalMinutes, DateTime CreatedUtc, DateTime? StartedUtc, DateTime? CompletedUtc, IReadOnlyList<SessionItemView> Items)
{
    /// <summary>The first question not answered yet, or null when every question has an answer.</summary>
    public SessionItemView? Current => Items.FirstOrDefault(i => i.AttemptId is null);
}

public sealed record SessionSummary(int Id, SessionMode Mode, string Description, DateTime CreatedUtc, DateTime? CompletedUtc, int Questions, int Answered);

/// <summary>Builds and runs practice sessions and mock interviews, each checked against the viewer by <see cref="RecordAccess"/>.</summary>
public sealed class SessionService(AppDbContext db, TimeProvider clock, AttemptService attempts, ReviewService reviews, QuestionSource questions, RecordAccess access)
{
    public const int MaxQuestions = 20;

    /// <summary>
    /// Builds a session from filters over the banks and the questions the subject wrote: questions never answered
    /// first, in random order; null when nothing matches.
    /// </summary>
    public async Task<int?> CreateAsync(Viewer viewer, string userId, SessionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await access.DemandAsync(viewer, userId, RecordKind.Session, AccessAction.Write, cancellationToken);
        var catalogue = questions.Catalogue;
        var written = request.Banks.Count == 0 ? await questions.WrittenByAsync(userId, cancellationToken) : [];
        var candidates = catalogue.Questions.Concat(written)
            .Where(q => request.Banks.Count == 0 || request.Banks.Contains(q.BankId))
            .Where(q => request.Skills.Count == 0 || q.Skills.Any(request.Skills.Contains))
            .Where(q => request.Levels.Count == 0 || request.Levels.Contains(q.LevelId))
            .Where(q => request.Kinds.Count == 0 || request.Kinds.Contains(q.Kind))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var answered = (await db.Attempts.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.QuestionId).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var chosen = candidates
            .OrderBy(q => answered.Contains(q.Id))
            .ThenBy(_ => Random.Shared.Next())
            .Take(Math.Clamp(request.Count, 1, MaxQuestions))
            .ToList();
        return await SaveAsync(userId, request.Mode, Describe(request, catalogue), chosen, cancellationToken);
    }

    /// <summary>Builds a session from the questions due for review, overdue first; null when none is due.</summary>
    public async Task<int?> CreateFromDueAsync(Viewer viewer, string userId, SessionMode mode, int count, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.Session, AccessAction.Write, cancellationToken);
        var due = (await reviews.DueAsync(viewer, userId, Math.Clamp(count, 1, MaxQuestions), cancellationToken)).Where(d => d.InLibrary).ToList();
        var found = await questions.FindManyAsync(due.Select(d => d.QuestionId), cancellationToken);
        var chosen = due.Select(d => found.GetValueOrDefault(d.QuestionId)).OfType<Question>().ToList();
        return chosen.Count == 0 ? null : await SaveAsync(userId, mode, "Due for review", chosen, cancellationToken);
    }

    /// <summary>A session of these questions in this order (those no longer in the banks left out); null when none is left.</summary>
    public async Task<int?> CreateFromQuestionsAsync(Viewer viewer, string userId, SessionMode mode, string description, IReadOnlyList<string> questionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questionIds);
        await access.DemandAsync(viewer, userId, RecordKind.Session, AccessAction.Write, cancellationToken);
        var catalogue = questions.Catalogue;
        var chosen = questionIds.Distinct(StringComparer.Ordinal).Select(catalogue.FindQuestion).OfType<Question>().Take(MaxQuestions).ToList();
        return chosen.Count == 0 ? null : await SaveAsync(userId, mode, description, chosen, cancellationToken);
    }

    public async Task<SessionView?> FindAsync(Viewer viewer, int id, CancellationToken cancellationToken)
    {
        var session = await db.PracticeSessions.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id,
                s.UserId,
                s.Mode,
                s.Description,
                s.TotalMinutes,
                s.CreatedUtc,
                s.StartedUtc,
                s.CompletedUtc,
                Items = s.Items.OrderBy(i => i.Position).Select(i => new { i.Position, i.QuestionId, i.AttemptId, i.ShownUtc, i.WentOvertime }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (session is null || !await access.AllowsAsync(viewer, session.UserId, RecordKind.Session, AccessAction.Read, cancellationToken))
        {
            return null;
        }

        var attemptIds = session.Items.Where(i => i.AttemptId is not null).Select(i => i.AttemptId!.Value).ToList();
        var answers = await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == session.UserId && attemptIds.Contains(a.Id))
            .Select(a => new { a.Id, a.AverageScore, a.TimeTakenSeconds })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var items = session.Items.Select(i =>
        {
            var answer = i.AttemptId is { } attemptId ? answers.GetValueOrDefault(attemptId) : null;
            return new SessionItemView(i.Position, i.QuestionId, i.AttemptId, i.ShownUtc, answer?.AverageScore, answer?.TimeTakenSeconds, i.WentOvertime);
        }).ToList();
        return new SessionView(session.Id, session.UserId, session.Mode, session.Description, session.TotalMinutes, session.CreatedUtc, session.StartedUtc, session.CompletedUtc, items);
    }

    /// <summary>Marks the current question as shown (starting its clock, and the session's, the first time).</summary>
    public async Task MarkShownAsync(Viewer viewer, int id, int position, CancellationToken cancellationToken)
    {
        var session = await WritableAsync(viewer, id, cancellationToken);
        var item = session?.Items.SingleOrDefault(i => i.Position == position);
        if (session is null || item is null || item.ShownUtc is not null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        item.ShownUtc = now;
        session.StartedUtc ??= now;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Stores the answer to the question at <paramref name="position"/>. The time taken is measured on the
    /// server from when the question was first shown, so a refresh does not reset it.
    /// </summary>
    public async Task<int?> AnswerAsync(Viewer viewer, int id, int position, string answer, bool wentOvertime, CancellationToken cancellationToken)
    {
        var session = await WritableAsync(viewer, id, cancellationToken);
        var item = session?.Items.SingleOrDefault(i => i.Position == position);
        if (session is null || item is null || item.AttemptId is not null || await questions.FindAsync(item.QuestionId, cancellationToken) is not { Question: var question })
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var seconds = (int)Math.Clamp(Math.Round((now - (item.ShownUtc ?? now)).TotalSeconds), 0, AnswerLimits.MaxTimeTakenSeconds);
        var attemptId = await attempts.CreateAsync(viewer, session.UserId, question, answer, seconds, cancellationToken, session.Id);
        item.AttemptId = attemptId;
        item.WentOvertime = wentOvertime;
        if (session.Items.All(i => i.AttemptId is not null))
        {
            session.CompletedUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return attemptId;
    }

    /// <summary>Deletes one session; its answers stay as attempts. False when the user has no such session.</summary>
    public Task<bool> DeleteAsync(Viewer viewer, int id, CancellationToken cancellationToken) =>
        // The database removes what belongs to it (cascading foreign keys) in the same statement.
        access.DeleteAsync(viewer, db.PracticeSessions.Where(s => s.Id == id), s => s.UserId, RecordKind.Session, cancellationToken);

    public async Task<IReadOnlyList<SessionSummary>> RecentAsync(Viewer viewer, string userId, int take, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.Session, AccessAction.Read, cancellationToken);
        return await db.PracticeSessions.AsNoTracking()
            .Where(s => s.UserId == userId)
            .OrderByDescending(s => s.CreatedUtc).ThenByDescending(s => s.Id)
            .Take(take)
            .Select(s => new SessionSummary(s.Id, s.Mode, s.Description, s.CreatedUtc, s.CompletedUtc, s.Items.Count, s.Items.Count(i => i.AttemptId != null)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The session with its items, tracked for a change, when the viewer may change it.</summary>
    private async Task<PracticeSession?> WritableAsync(Viewer viewer, int id, CancellationToken cancellationToken)
    {
        var session = await db.PracticeSessions.Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return session is not null && await access.AllowsAsync(viewer, session.UserId, RecordKind.Session, AccessAction.Write, cancellationToken) ? session : null;
    }

    private async Task<int> SaveAsync(string userId, SessionMode mode, string description, IReadOnlyList<Question> questions, CancellationToken cancellationToken)
    {
        var session = new PracticeSession
        {
            UserId = userId,
            Mode = mode,
            Description = description.Length > 300 ? description[..300] : description,
            TotalMinutes = questions.Sum(q => q.Minutes),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            Items = questions.Select((q, i) => new PracticeSessionItem { Position = i + 1, QuestionId = q.Id }).ToList(),
        };
        db.PracticeSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    private static string Describe(SessionRequest request, ContentCatalogue catalogue)
    {
        var parts = new List<string>();
        parts.AddRange(request.Banks.Select(b => catalogue.FindBank(b)?.Title ?? b));
        parts.AddRange(request.Skills.Select(catalogue.SkillTitle));
        parts.AddRange(request.Levels.Select(catalogue.LevelTitle));
        parts.AddRange(request.Kinds.Select(QuestionKinds.DisplayName));
        return parts.Count == 0 ? "All questions" : string.Join(" · ", parts);
    }
}
