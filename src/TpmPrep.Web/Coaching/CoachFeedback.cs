using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Markdown;
using TpmPrep.Content.Model;
using TpmPrep.Content.Scoring;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Data;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Coaching;

public sealed record CommentView(int Id, bool FromCoach, string AuthorName, string Html, DateTime CreatedUtc, bool Unread);

public sealed record ThreadView(int Id, string CoachName, int? CriterionIndex, string? Criterion, DateTime CreatedUtc, DateTime? ResolvedUtc, IReadOnlyList<CommentView> Comments)
{
    public bool Resolved => ResolvedUtc is not null;

    public int UnreadCount => Comments.Count(c => c.Unread);
}

/// <summary>One coach's grades of an attempt, on the rubric's own scale, with their mean on the common four-point scale.</summary>
public sealed record CoachGrade(string GraderId, string CoachName, DateTime? GradedUtc, IReadOnlyList<CriterionScore> Scores, double Average);

public sealed record AttemptFeedback(IReadOnlyList<ThreadView> Threads, IReadOnlyList<CoachGrade> CoachGrades);

public enum FeedbackOutcome
{
    Saved,
    NotFound,
    Empty,
    TooLong,
    TooMany,
    QuestionGone,
    Invalid,
}

/// <summary>
/// What a coach leaves on a candidate's attempt: comment threads (optionally pinned to one rubric criterion, answered by
/// the candidate, resolved by either) and a grade on the same rubric. A coach writes only while their link is active
/// and shares attempts, sees only the threads they started, and the candidate sees all of them; every other id is a
/// 404. Reading a side's page marks the other side's messages as seen.
/// </summary>
public sealed class CoachFeedback(AppDbContext db, TimeProvider clock, CoachLinks links)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string? Check(string? body) =>
        string.IsNullOrWhiteSpace(body)
            ? "Write something first."
            : body.Length > CoachingLimits.CommentLength
                ? $"A comment may be at most {CoachingLimits.CommentLength:N0} characters; this one has {body.Length:N0}. Nothing was saved, and your text is still here to shorten."
                : null;

    /// <summary>The threads and coach grades on the owner's attempt; the coaches' messages become seen.</summary>
    public async Task<AttemptFeedback> ForOwnerAsync(Viewer owner, AttemptDetails attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(attempt);
        if (!string.Equals(owner.UserId, attempt.OwnerId, StringComparison.Ordinal))
        {
            return new AttemptFeedback([], []);
        }

        var threads = await ThreadsAsync(attempt.Id, coachId: null, unreadFromCoach: true, cancellationToken);
        await MarkSeenAsync(attempt.Id, coachId: null, fromCoach: true, cancellationToken);
        return new AttemptFeedback(threads, await GradesAsync(attempt.Id, coachId: null, cancellationToken));
    }

    /// <summary>The coach's own threads and grade on an attempt of the linked candidate; the candidate's replies become seen.</summary>
    public async Task<AttemptFeedback?> ForCoachAsync(Viewer coach, CoachedCandidate link, int attemptId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coach);
        ArgumentNullException.ThrowIfNull(link);
        if (!await MayWriteAsync(coach, link.CandidateId, cancellationToken)
            || !await db.Attempts.AsNoTracking().AnyAsync(a => a.Id == attemptId && a.UserId == link.CandidateId, cancellationToken))
        {
            return null;
        }

        var threads = await ThreadsAsync(attemptId, coach.UserId, unreadFromCoach: false, cancellationToken);
        await MarkSeenAsync(attemptId, coach.UserId, fromCoach: false, cancellationToken);
        return new AttemptFeedback(threads, await GradesAsync(attemptId, coach.UserId, cancellationToken));
    }

    /// <summary>A coach starts a thread on an attempt of the linked candidate, on the whole answer or one criterion.</summary>
    public async Task<(FeedbackOutcome Outcome, int? ThreadId)> StartThreadAsync(
        Viewer coach, int linkId, int attemptId, Question? question, int? criterionIndex, string? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coach);
        if (await links.FindAsync(coach, linkId, cancellationToken) is not { } link
            || !await MayWriteAsync(coach, link.CandidateId, cancellationToken)
            || await db.Attempts.AsNoTracking().Where(a => a.Id == attemptId && a.UserId == link.CandidateId).Select(a => a.QuestionId).SingleOrDefaultAsync(cancellationToken) is not { } questionId)
        {
            return (FeedbackOutcome.NotFound, null);
        }

        if (Check(body) is not null)
        {
            return (string.IsNullOrWhiteSpace(body) ? FeedbackOutcome.Empty : FeedbackOutcome.TooLong, null);
        }

        string? criterion = null;
        if (criterionIndex is int index)
        {
            if (question is null || question.Id != questionId)
            {
                return (FeedbackOutcome.QuestionGone, null);
            }

            if (index < 0 || index >= question.Rubric.Count)
            {
                return (FeedbackOutcome.Invalid, null);
            }

            criterion = question.Rubric[index].Title;
        }

        if (await db.CommentThreads.CountAsync(t => t.AttemptId == attemptId && t.CoachId == coach.UserId, cancellationToken) >= CoachingLimits.ThreadsPerAttempt)
        {
            return (FeedbackOutcome.TooMany, null);
        }

        var name = await NameAsync(coach.UserId, cancellationToken);
        var now = Now;
        var thread = new CommentThread
        {
            AttemptId = attemptId,
            CandidateId = link.CandidateId,
            CoachId = coach.UserId,
            CoachName = name,
            CriterionIndex = criterionIndex,
            Criterion = criterion,
            CreatedUtc = now,
            Comments = [new ThreadComment { FromCoach = true, AuthorName = name, Body = body!.Trim(), CreatedUtc = now }],
        };
        db.CommentThreads.Add(thread);
        await db.SaveChangesAsync(cancellationToken);
        return (FeedbackOutcome.Saved, thread.Id);
    }

    /// <summary>The candidate (<paramref name="asCoach"/> false) or the thread's coach (while linked, sharing attempts) adds a message; a reply reopens a resolved thread.</summary>
    public async Task<(FeedbackOutcome Outcome, int? AttemptId)> ReplyAsync(Viewer viewer, int threadId, string? body, bool asCoach, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (await FindWritableAsync(viewer, threadId, asCoach, cancellationToken) is not { } found)
        {
            return (FeedbackOutcome.NotFound, null);
        }

        if (Check(body) is not null)
        {
            return (string.IsNullOrWhiteSpace(body) ? FeedbackOutcome.Empty : FeedbackOutcome.TooLong, found.Thread.AttemptId);
        }

        if (await db.ThreadComments.CountAsync(c => c.ThreadId == threadId, cancellationToken) >= CoachingLimits.CommentsPerThread)
        {
            return (FeedbackOutcome.TooMany, found.Thread.AttemptId);
        }

        db.ThreadComments.Add(new ThreadComment
        {
            ThreadId = threadId,
            FromCoach = found.AsCoach,
            AuthorName = await NameAsync(viewer.UserId, cancellationToken),
            Body = body!.Trim(),
            CreatedUtc = Now,
        });
        found.Thread.ResolvedUtc = null;
        await db.SaveChangesAsync(cancellationToken);
        return (FeedbackOutcome.Saved, found.Thread.AttemptId);
    }

    /// <summary>Either side marks the thread resolved, or opens it again.</summary>
    public async Task<(FeedbackOutcome Outcome, int? AttemptId)> ResolveAsync(Viewer viewer, int threadId, bool resolved, bool asCoach, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (await FindWritableAsync(viewer, threadId, asCoach, cancellationToken) is not { } found)
        {
            return (FeedbackOutcome.NotFound, null);
        }

        found.Thread.ResolvedUtc = resolved ? Now : null;
        await db.SaveChangesAsync(cancellationToken);
        return (FeedbackOutcome.Saved, found.Thread.AttemptId);
    }

    /// <summary>The coach grades the attempt on its rubric, replacing their earlier grade; the candidate's own grades are untouched.</summary>
    public async Task<FeedbackOutcome> RateAsync(Viewer coach, int linkId, int attemptId, Question? question, IReadOnlyList<int> scores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coach);
        ArgumentNullException.ThrowIfNull(scores);
        if (await links.FindAsync(coach, linkId, cancellationToken) is not { } link || !await MayWriteAsync(coach, link.CandidateId, cancellationToken))
        {
            return FeedbackOutcome.NotFound;
        }

        var name = await NameAsync(coach.UserId, cancellationToken);
        return await db.RetryOnLostRaceAsync(async () =>
        {
            var attempt = await db.Attempts.Include(a => a.Scores.Where(s => s.GraderRole == GraderRole.Coach && s.GradedById == coach.UserId))
                .SingleOrDefaultAsync(a => a.Id == attemptId && a.UserId == link.CandidateId, cancellationToken);
            if (attempt is null)
            {
                return FeedbackOutcome.NotFound;
            }

            if (question is null || question.Id != attempt.QuestionId)
            {
                return FeedbackOutcome.QuestionGone;
            }

            if (!AttemptService.FitsRubric(question, scores))
            {
                return FeedbackOutcome.Invalid;
            }

            db.AttemptScores.RemoveRange(attempt.Scores);
            var now = Now;
            for (var i = 0; i < scores.Count; i++)
            {
                db.AttemptScores.Add(new AttemptScore
                {
                    AttemptId = attempt.Id,
                    CriterionIndex = i,
                    Criterion = question.Rubric[i].Title,
                    Score = scores[i],
                    Levels = question.RubricLevels,
                    GradedById = coach.UserId,
                    GraderRole = GraderRole.Coach,
                    GraderName = name,
                    GradedUtc = now,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            return FeedbackOutcome.Saved;
        });
    }

    /// <summary>Messages from coaches the candidate has not opened, per attempt among <paramref name="attemptIds"/>.</summary>
    public async Task<IReadOnlyDictionary<int, int>> UnreadForCandidateAsync(string candidateId, IReadOnlyCollection<int> attemptIds, CancellationToken cancellationToken)
    {
        var ids = attemptIds.ToList();
        return ids.Count == 0
            ? new Dictionary<int, int>()
            : await db.ThreadComments.AsNoTracking()
                .Where(c => c.FromCoach && c.SeenUtc == null)
                .Join(db.CommentThreads.Where(t => t.CandidateId == candidateId && ids.Contains(t.AttemptId)), c => c.ThreadId, t => t.Id, (c, t) => t.AttemptId)
                .GroupBy(a => a)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    /// <summary>The newest attempts with messages from a coach the candidate has not opened (for the coaching page).</summary>
    public async Task<IReadOnlyList<(int AttemptId, string Title, int Unread)>> UnreadAttemptsAsync(string candidateId, int take, CancellationToken cancellationToken)
    {
        var rows = await db.ThreadComments.AsNoTracking()
            .Where(c => c.FromCoach && c.SeenUtc == null)
            .Join(db.CommentThreads.Where(t => t.CandidateId == candidateId), c => c.ThreadId, t => t.Id, (c, t) => t.AttemptId)
            .GroupBy(a => a)
            .Select(g => new { AttemptId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.AttemptId)
            .Take(take)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.AttemptId).ToList();
        var titles = await db.Attempts.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.QuestionTitle }).ToDictionaryAsync(a => a.Id, a => a.QuestionTitle, cancellationToken);
        return rows.Select(r => (r.AttemptId, titles.GetValueOrDefault(r.AttemptId) ?? string.Empty, r.Count)).ToList();
    }

    /// <summary>Replies the coach has not opened, per candidate among <paramref name="candidateIds"/> (for the cohort).</summary>
    public static async Task<IReadOnlyDictionary<string, int>> UnreadForCoachAsync(AppDbContext db, string coachId, IReadOnlyCollection<string> candidateIds, CancellationToken cancellationToken)
    {
        var ids = candidateIds.ToList();
        return ids.Count == 0
            ? new Dictionary<string, int>()
            : await db.ThreadComments.AsNoTracking()
                .Where(c => !c.FromCoach && c.SeenUtc == null)
                .Join(db.CommentThreads.Where(t => t.CoachId == coachId && ids.Contains(t.CandidateId)), c => c.ThreadId, t => t.Id, (c, t) => t.CandidateId)
                .GroupBy(a => a)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    /// <summary>Per attempt among <paramref name="attemptIds"/>, the coach's threads and unread replies, for their attempt list.</summary>
    public async Task<IReadOnlyDictionary<int, (int Threads, int Unread, double? Grade)>> CoachMarksAsync(string coachId, IReadOnlyCollection<int> attemptIds, CancellationToken cancellationToken)
    {
        var ids = attemptIds.ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, (int, int, double?)>();
        }

        var threads = await db.CommentThreads.AsNoTracking()
            .Where(t => t.CoachId == coachId && ids.Contains(t.AttemptId))
            .Select(t => new { t.AttemptId, Unread = t.Comments.Count(c => !c.FromCoach && c.SeenUtc == null) })
            .ToListAsync(cancellationToken);
        var grades = await db.AttemptScores.AsNoTracking()
            .Where(s => s.GraderRole == GraderRole.Coach && s.GradedById == coachId && ids.Contains(s.AttemptId))
            .Select(s => new { s.AttemptId, s.Score, s.Levels })
            .ToListAsync(cancellationToken);
        var graded = grades.GroupBy(g => g.AttemptId).ToDictionary(g => g.Key, g => RubricScale.ToCommon(g.Average(s => s.Score), g.First().Levels));
        return ids.Distinct().ToDictionary(
            id => id,
            id => (threads.Count(t => t.AttemptId == id), threads.Where(t => t.AttemptId == id).Sum(t => t.Unread), graded.TryGetValue(id, out var g) ? g : (double?)null));
    }

    private async Task<bool> MayWriteAsync(Viewer coach, string candidateId, CancellationToken cancellationToken) =>
        coach.Holds(AppRoles.Coach)
        && await db.CoachLinks.AsNoTracking().AnyAsync(
            l => l.CandidateId == candidateId && l.CoachId == coach.UserId && l.Status == CoachLinkStatus.Active && (l.Scopes & CoachScopes.Attempts) == CoachScopes.Attempts,
            cancellationToken);

    /// <summary>The thread, when the viewer writes to it in the capacity asked: as its candidate, or as its coach while linked.</summary>
    private async Task<(CommentThread Thread, bool AsCoach)?> FindWritableAsync(Viewer viewer, int threadId, bool asCoach, CancellationToken cancellationToken)
    {
        var thread = await db.CommentThreads.SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (thread is null)
        {
            return null;
        }

        if (!asCoach)
        {
            return string.Equals(thread.CandidateId, viewer.UserId, StringComparison.Ordinal) ? (thread, false) : null;
        }

        return string.Equals(thread.CoachId, viewer.UserId, StringComparison.Ordinal) && await MayWriteAsync(viewer, thread.CandidateId, cancellationToken)
            ? (thread, true)
            : null;
    }

    private async Task<IReadOnlyList<ThreadView>> ThreadsAsync(int attemptId, string? coachId, bool unreadFromCoach, CancellationToken cancellationToken)
    {
        var rows = await db.CommentThreads.AsNoTracking()
            .Where(t => t.AttemptId == attemptId && (coachId == null || t.CoachId == coachId))
            .OrderBy(t => t.CriterionIndex == null ? -1 : t.CriterionIndex).ThenBy(t => t.CreatedUtc).ThenBy(t => t.Id)
            .Select(t => new
            {
                t.Id,
                t.CoachName,
                t.CriterionIndex,
                t.Criterion,
                t.CreatedUtc,
                t.ResolvedUtc,
                Comments = t.Comments.OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id).Select(c => new { c.Id, c.FromCoach, c.AuthorName, c.Body, c.CreatedUtc, c.SeenUtc }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(t => new ThreadView(t.Id, t.CoachName, t.CriterionIndex, t.Criterion, t.CreatedUtc, t.ResolvedUtc,
            t.Comments.Select(c => new CommentView(c.Id, c.FromCoach, c.AuthorName, SafeMarkdown.ToHtml(c.Body), c.CreatedUtc, c.FromCoach == unreadFromCoach && c.SeenUtc is null)).ToList())).ToList();
    }

    private async Task MarkSeenAsync(int attemptId, string? coachId, bool fromCoach, CancellationToken cancellationToken)
    {
        var now = Now;
        await db.ThreadComments
            .Where(c => c.FromCoach == fromCoach && c.SeenUtc == null
                && db.CommentThreads.Any(t => t.Id == c.ThreadId && t.AttemptId == attemptId && (coachId == null || t.CoachId == coachId)))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.SeenUtc, now), cancellationToken);
    }

    private async Task<IReadOnlyList<CoachGrade>> GradesAsync(int attemptId, string? coachId, CancellationToken cancellationToken)
    {
        var rows = await db.AttemptScores.AsNoTracking()
            .Where(s => s.AttemptId == attemptId && s.GraderRole == GraderRole.Coach && (coachId == null || s.GradedById == coachId))
            .OrderBy(s => s.GradedById).ThenBy(s => s.CriterionIndex)
            .Select(s => new { s.GradedById, s.GraderName, s.GradedUtc, s.CriterionIndex, s.Criterion, s.Score, s.Levels })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.GradedById)
            .Select(g => new CoachGrade(g.Key, g.First().GraderName ?? "Coach", g.Max(s => s.GradedUtc),
                g.Select(s => new CriterionScore(s.CriterionIndex, s.Criterion, s.Score, s.Levels)).ToList(),
                RubricScale.ToCommon(g.Average(s => s.Score), g.First().Levels)))
            .ToList();
    }

    private async Task<string> NameAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "Someone";
}
