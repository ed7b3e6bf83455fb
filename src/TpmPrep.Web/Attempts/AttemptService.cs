using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Model;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Data;
using TpmPrep.Web.Demo;
using TpmPrep.Web.Practice;
using TpmPrep.Web.Progress;
using TpmPrep.Web.Review;

namespace TpmPrep.Web.Attempts;

/// <summary>
/// Stores and reads practice attempts. Every read and write is filtered by the caller's user id, so an
/// id belonging to someone else behaves exactly like an id that does not exist.
/// </summary>
public sealed class AttemptService(AppDbContext db, TimeProvider clock, ReviewService reviews)
{
    private static readonly Expression<Func<Attempt, AttemptSummary>> ToSummary = a =>
        new AttemptSummary(a.Id, a.QuestionId, a.QuestionTitle, a.BankId, a.CreatedUtc, a.GradedUtc, a.AverageScore, a.TimeTakenSeconds);

    public async Task<int> CreateAsync(string userId, Question question, string answer, int timeTakenSeconds, CancellationToken cancellationToken, int? sessionId = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentException.ThrowIfNullOrWhiteSpace(answer);
        if (answer.Length > AnswerLimits.MaxLength)
        {
            throw new ArgumentException($"An answer may be at most {AnswerLimits.MaxLength} characters.", nameof(answer));
        }

        var attempt = new Attempt
        {
            UserId = userId,
            QuestionId = question.Id,
            BankId = question.BankId,
            QuestionTitle = question.Title,
            QuestionTextHash = question.TextHash,
            Answer = answer,
            TimeTakenSeconds = Math.Clamp(timeTakenSeconds, 0, AnswerLimits.MaxTimeTakenSeconds),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            SessionId = sessionId,
        };
        db.Attempts.Add(attempt);
        // The answer is in: the draft kept for this question has done its job.
        db.AnswerDrafts.RemoveRange(await db.AnswerDrafts.Where(d => d.UserId == userId && d.QuestionId == question.Id).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return attempt.Id;
    }

    /// <summary>
    /// Saves one score (1-4) per rubric criterion, replacing earlier grades of the same attempt. Two gradings at
    /// once of the same question both count: the one that loses the race is applied again on top of the other.
    /// </summary>
    public Task<GradeOutcome> GradeAsync(string userId, int attemptId, Question? question, IReadOnlyList<int> scores, CancellationToken cancellationToken, string? notes = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return db.RetryOnLostRaceAsync(() => GradeOnceAsync(userId, attemptId, question, scores, notes, cancellationToken));
    }

    private async Task<GradeOutcome> GradeOnceAsync(string userId, int attemptId, Question? question, IReadOnlyList<int> scores, string? notes, CancellationToken cancellationToken)
    {
        var attempt = await db.Attempts.Include(a => a.Scores)
            .SingleOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId, cancellationToken);
        if (attempt is null)
        {
            return GradeOutcome.NotFound;
        }

        if (question is null || question.Id != attempt.QuestionId)
        {
            return GradeOutcome.QuestionGone;
        }

        if (scores.Count != question.Rubric.Count || scores.Any(s => s is < AnswerLimits.MinScore or > AnswerLimits.MaxScore))
        {
            return GradeOutcome.Invalid;
        }

        attempt.Scores.Clear();
        for (var i = 0; i < scores.Count; i++)
        {
            attempt.Scores.Add(new AttemptScore { CriterionIndex = i, Criterion = question.Rubric[i].Title, Score = scores[i] });
        }

        var firstGrading = attempt.GradedUtc is null;
        attempt.AverageScore = scores.Average();
        attempt.GradedUtc = clock.GetUtcNow().UtcDateTime;
        attempt.Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (firstGrading)
        {
            // Only the first grading is a review; correcting grades later does not move the schedule again.
            await reviews.ApplyAsync(userId, attempt.QuestionId, attempt.AverageScore.Value, attempt.GradedUtc.Value, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return GradeOutcome.Saved;
    }

    public async Task<IReadOnlyList<AttemptSummary>> ListAsync(string userId, int take, CancellationToken cancellationToken) =>
        await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == userId)
            .OrderByDescending(a => a.CreatedUtc).ThenByDescending(a => a.Id)
            .Take(take)
            .Select(ToSummary)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AttemptSummary>> ListForQuestionAsync(string userId, string questionId, int take, CancellationToken cancellationToken) =>
        await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == userId && a.QuestionId == questionId)
            .OrderByDescending(a => a.CreatedUtc).ThenByDescending(a => a.Id)
            .Take(take)
            .Select(ToSummary)
            .ToListAsync(cancellationToken);

    public Task<int> CountAsync(string userId, CancellationToken cancellationToken) =>
        db.Attempts.AsNoTracking().CountAsync(a => a.UserId == userId, cancellationToken);

    public async Task<AttemptDetails?> FindAsync(string userId, int attemptId, CancellationToken cancellationToken)
    {
        var attempt = await db.Attempts.AsNoTracking()
            .Where(a => a.Id == attemptId && a.UserId == userId)
            .Select(a => new
            {
                a.Id,
                a.QuestionId,
                a.QuestionTitle,
                a.BankId,
                a.QuestionTextHash,
                a.Answer,
                a.TimeTakenSeconds,
                a.CreatedUtc,
                a.GradedUtc,
                a.AverageScore,
                a.Notes,
                a.SessionId,
                Scores = a.Scores.OrderBy(s => s.CriterionIndex).Select(s => new CriterionScore(s.CriterionIndex, s.Criterion, s.Score)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return attempt is null
            ? null
            : new AttemptDetails(attempt.Id, attempt.QuestionId, attempt.QuestionTitle, attempt.BankId, attempt.QuestionTextHash, attempt.Answer,
                attempt.TimeTakenSeconds, attempt.CreatedUtc, attempt.GradedUtc, attempt.AverageScore, attempt.Scores, attempt.Notes, attempt.SessionId);
    }

    /// <summary>Deletes one attempt with its grades; false when the user has no such attempt.</summary>
    public async Task<bool> DeleteAsync(string userId, int attemptId, CancellationToken cancellationToken) =>
        // The database removes what belongs to it (cascading foreign keys) in the same statement.
        await db.Attempts.Where(a => a.Id == attemptId && a.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>How many times the user has answered each question, for the bank page.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsByQuestionAsync(string userId, IReadOnlyCollection<string> questionIds, CancellationToken cancellationToken) =>
        await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == userId && questionIds.Contains(a.QuestionId))
            .GroupBy(a => a.QuestionId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
