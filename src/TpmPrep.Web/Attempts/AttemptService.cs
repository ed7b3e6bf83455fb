using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Model;
using TpmPrep.Content.Scoring;
using TpmPrep.Web.Access;
using TpmPrep.Web.Data;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Progress;
using TpmPrep.Web.Review;

namespace TpmPrep.Web.Attempts;

/// <summary>
/// Stores and reads practice attempts. Every read and write asks <see cref="RecordAccess"/> whether the viewer may
/// touch the attempt's owner's attempts, so an id the viewer may not see behaves exactly like one that does not exist.
/// </summary>
public sealed class AttemptService(AppDbContext db, TimeProvider clock, ReviewService reviews, RecordAccess access, ProgressRollups rollups, AnswerRecordings recordings)
{
    private static readonly Expression<Func<Attempt, AttemptSummary>> ToSummary = a =>
        new AttemptSummary(a.Id, a.QuestionId, a.QuestionTitle, a.BankId, a.CreatedUtc, a.GradedUtc, a.AverageScore, a.TimeTakenSeconds, a.FollowUpIndex != null);

    /// <summary>Stores <paramref name="subjectId"/>'s answer to <paramref name="question"/>, and drops the draft it replaces.</summary>
    public async Task<int> CreateAsync(Viewer viewer, string subjectId, Question question, string answer, int timeTakenSeconds, CancellationToken cancellationToken, int? sessionId = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentException.ThrowIfNullOrWhiteSpace(answer);
        if (answer.Length > AnswerLimits.MaxLength)
        {
            throw new ArgumentException($"An answer may be at most {AnswerLimits.MaxLength} characters.", nameof(answer));
        }

        await access.DemandAsync(viewer, subjectId, RecordKind.Attempt, AccessAction.Write, cancellationToken);
        // The answer is in: the draft kept for this question has done its job.
        await db.AnswerDrafts.Where(d => d.UserId == subjectId && d.QuestionId == question.Id).ExecuteDeleteAsync(cancellationToken);
        return await db.RetryOnLostRaceAsync(() => StoreAsync(subjectId, question, answer, timeTakenSeconds, sessionId, cancellationToken));
    }

    /// <summary>
    /// Stores a short answer to one of the question's follow-ups, linked to the question: it is practice (it counts in
    /// the streak) but has no rubric of its own, so it is not graded and does not move the review schedule.
    /// </summary>
    public async Task<int> CreateFollowUpAsync(Viewer viewer, string subjectId, Question question, int followUpIndex, string prompt, string answer, int timeTakenSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentException.ThrowIfNullOrWhiteSpace(answer);
        ArgumentOutOfRangeException.ThrowIfNegative(followUpIndex);
        if (answer.Length > AnswerLimits.MaxLength)
        {
            throw new ArgumentException($"An answer may be at most {AnswerLimits.MaxLength} characters.", nameof(answer));
        }

        await access.DemandAsync(viewer, subjectId, RecordKind.Attempt, AccessAction.Write, cancellationToken);
        return await db.RetryOnLostRaceAsync(() => StoreAsync(subjectId, question, answer, timeTakenSeconds, null, cancellationToken, followUpIndex, prompt.Length > 1000 ? prompt[..1000] : prompt));
    }

    /// <summary>The follow-up answers the subject has given to the question, newest first.</summary>
    public async Task<IReadOnlyList<(int Id, int Index, DateTime CreatedUtc)>> FollowUpsAsync(Viewer viewer, string subjectId, string questionId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, subjectId, RecordKind.Attempt, AccessAction.Read, cancellationToken);
        return (await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == subjectId && a.QuestionId == questionId && a.FollowUpIndex != null)
            .OrderByDescending(a => a.CreatedUtc).ThenByDescending(a => a.Id)
            .Take(50)
            .Select(a => new { a.Id, Index = a.FollowUpIndex!.Value, a.CreatedUtc })
            .ToListAsync(cancellationToken))
            .Select(a => (a.Id, a.Index, a.CreatedUtc)).ToList();
    }

    private async Task<int> StoreAsync(string subjectId, Question question, string answer, int timeTakenSeconds, int? sessionId, CancellationToken cancellationToken, int? followUpIndex = null, string? followUpPrompt = null)
    {
        var attempt = new Attempt
        {
            UserId = subjectId,
            QuestionId = question.Id,
            BankId = question.BankId,
            SkillId = question.PrimarySkill,
            QuestionTitle = question.Title,
            QuestionTextHash = question.TextHash,
            Answer = answer,
            TimeTakenSeconds = Math.Clamp(timeTakenSeconds, 0, AnswerLimits.MaxTimeTakenSeconds),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            SessionId = sessionId,
            FollowUpIndex = followUpIndex,
            FollowUpPrompt = followUpPrompt,
        };
        db.Attempts.Add(attempt);
        await rollups.AttemptAddedAsync(AttemptFacts.Of(attempt), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return attempt.Id;
    }

    /// <summary>
    /// Saves the viewer's score per rubric criterion, on the rubric's own scale, replacing their earlier grades of the
    /// attempt. A self-grade (the owner's) also sets the attempt's average and, the first time, moves the review
    /// schedule. Two gradings at once of the same question both count: the loser of the race is applied again.
    /// </summary>
    /// <param name="viewer">Who grades.</param>
    /// <param name="attemptId">The attempt graded.</param>
    /// <param name="question">The attempt's question, whose rubric gives the criteria and the scale.</param>
    /// <param name="scores">One score per criterion.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <param name="notes">The owner's notes to self.</param>
    /// <param name="capacity">How someone other than the owner grades (a coach, an interviewer); the owner always self-grades.</param>
    public Task<GradeOutcome> GradeAsync(
        Viewer viewer, int attemptId, Question? question, IReadOnlyList<int> scores, CancellationToken cancellationToken, string? notes = null, GraderRole? capacity = null)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(scores);
        return db.RetryOnLostRaceAsync(() => GradeOnceAsync(viewer, attemptId, question, scores, notes, capacity, cancellationToken));
    }

    /// <summary>Whether every score is one of the rubric's levels, one per criterion.</summary>
    public static bool FitsRubric(Question question, IReadOnlyList<int> scores)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(scores);
        return scores.Count == question.Rubric.Count && scores.All(s => RubricScale.IsOnScale(s, question.RubricLevels));
    }

    private async Task<GradeOutcome> GradeOnceAsync(Viewer viewer, int attemptId, Question? question, IReadOnlyList<int> scores, string? notes, GraderRole? capacity, CancellationToken cancellationToken)
    {
        var attempt = await db.Attempts.Include(a => a.Scores).SingleOrDefaultAsync(a => a.Id == attemptId, cancellationToken);
        var self = attempt is not null && viewer.UserId == attempt.UserId;
        if (attempt is null || (!self && capacity is null or GraderRole.Self)
            || !await access.AllowsAsync(viewer, attempt.UserId, RecordKind.Attempt, AccessAction.Write, cancellationToken))
        {
            return GradeOutcome.NotFound;
        }

        if (question is null || question.Id != attempt.QuestionId)
        {
            return GradeOutcome.QuestionGone;
        }

        if (!FitsRubric(question, scores))
        {
            return GradeOutcome.Invalid;
        }

        var role = self ? GraderRole.Self : capacity!.Value;
        attempt.Scores.RemoveAll(s => s.GraderRole == role && s.GradedById == viewer.UserId);
        for (var i = 0; i < scores.Count; i++)
        {
            attempt.Scores.Add(new AttemptScore
            {
                CriterionIndex = i,
                Criterion = question.Rubric[i].Title,
                Score = scores[i],
                Levels = question.RubricLevels,
                GradedById = viewer.UserId,
                GraderRole = role,
                GradedUtc = clock.GetUtcNow().UtcDateTime,
            });
        }

        if (self)
        {
            var firstGrading = attempt.GradedUtc is null;
            var before = attempt.AverageScore;
            attempt.AverageScore = RubricScale.ToCommon(scores.Average(), question.RubricLevels);
            await rollups.AttemptRegradedAsync(AttemptFacts.Of(attempt), before, cancellationToken);
            attempt.GradedUtc = clock.GetUtcNow().UtcDateTime;
            attempt.Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
            if (firstGrading)
            {
                // Only the first grading is a review; correcting grades later does not move the schedule again.
                await reviews.ApplyAsync(attempt.UserId, attempt.QuestionId, attempt.AverageScore.Value, attempt.GradedUtc.Value, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return GradeOutcome.Saved;
    }

    public async Task<IReadOnlyList<AttemptSummary>> ListAsync(Viewer viewer, string subjectId, int take, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, subjectId, RecordKind.Attempt, AccessAction.Read, cancellationToken);
        return await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == subjectId)
            .OrderByDescending(a => a.CreatedUtc).ThenByDescending(a => a.Id)
            .Take(take)
            .Select(ToSummary)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AttemptSummary>> ListForQuestionAsync(Viewer viewer, string subjectId, string questionId, int take, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, subjectId, RecordKind.Attempt, AccessAction.Read, cancellationToken);
        return await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == subjectId && a.QuestionId == questionId)
            .OrderByDescending(a => a.CreatedUtc).ThenByDescending(a => a.Id)
            .Take(take)
            .Select(ToSummary)
            .ToListAsync(cancellationToken);
    }

    public async Task<int> CountAsync(Viewer viewer, string subjectId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, subjectId, RecordKind.Attempt, AccessAction.Read, cancellationToken);
        return await rollups.AttemptCountAsync(subjectId, cancellationToken)
            ?? await db.Attempts.AsNoTracking().CountAsync(a => a.UserId == subjectId, cancellationToken);
    }

    /// <summary>One page of the subject's attempts, newest first.</summary>
    public async Task<Paged<AttemptSummary>> PageAsync(Viewer viewer, string subjectId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, subjectId, RecordKind.Attempt, AccessAction.Read, cancellationToken);
        page = Paging.Clamp(page);
        var items = await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == subjectId)
            .OrderByDescending(a => a.CreatedUtc).ThenByDescending(a => a.Id)
            .Skip(Paging.Skip(page, pageSize))
            .Take(pageSize)
            .Select(ToSummary)
            .ToListAsync(cancellationToken);
        var total = page == 1 && items.Count < pageSize ? items.Count : await CountAsync(viewer, subjectId, cancellationToken);
        return new Paged<AttemptSummary>(items, total, page, pageSize);
    }

    public async Task<AttemptDetails?> FindAsync(Viewer viewer, int attemptId, CancellationToken cancellationToken)
    {
        var attempt = await db.Attempts.AsNoTracking()
            .Where(a => a.Id == attemptId)
            .Select(a => new
            {
                a.Id,
                a.UserId,
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
                a.AudioBytes,
                a.FollowUpIndex,
                a.FollowUpPrompt,
                Scores = a.Scores.Where(s => s.GraderRole == GraderRole.Self).OrderBy(s => s.CriterionIndex)
                    .Select(s => new CriterionScore(s.CriterionIndex, s.Criterion, s.Score, s.Levels)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return attempt is null || !await access.AllowsAsync(viewer, attempt.UserId, RecordKind.Attempt, AccessAction.Read, cancellationToken)
            ? null
            : new AttemptDetails(attempt.Id, attempt.UserId, attempt.QuestionId, attempt.QuestionTitle, attempt.BankId, attempt.QuestionTextHash, attempt.Answer,
                attempt.TimeTakenSeconds, attempt.CreatedUtc, attempt.GradedUtc, attempt.AverageScore, attempt.Scores,
                // Notes to self are the owner's alone, whatever a grant lets someone else read of the attempt.
                string.Equals(viewer.UserId, attempt.UserId, StringComparison.Ordinal) ? attempt.Notes : null, attempt.SessionId, attempt.AudioBytes, attempt.FollowUpIndex, attempt.FollowUpPrompt);
    }

    /// <summary>Deletes one attempt with its grades; false when the viewer has no such attempt to delete.</summary>
    public Task<bool> DeleteAsync(Viewer viewer, int attemptId, CancellationToken cancellationToken) =>
        db.RetryOnLostRaceAsync(async () =>
        {
            var attempt = await db.Attempts.SingleOrDefaultAsync(a => a.Id == attemptId, cancellationToken);
            if (attempt is null || !await access.AllowsAsync(viewer, attempt.UserId, RecordKind.Attempt, AccessAction.Write, cancellationToken))
            {
                return false;
            }

            // The database removes the grades with it (a cascading foreign key); the roll-ups lose it in the same save.
            db.Attempts.Remove(attempt);
            await rollups.AttemptRemovedAsync(AttemptFacts.Of(attempt), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (attempt.AudioContentType is not null)
            {
                recordings.Delete(attempt.UserId, attempt.Id); // the spoken answer goes with it
            }

            return true;
        });

    /// <summary>How many times the subject has answered each question, for the bank page.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsByQuestionAsync(Viewer viewer, string subjectId, IReadOnlyCollection<string> questionIds, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, subjectId, RecordKind.Attempt, AccessAction.Read, cancellationToken);
        return await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == subjectId && questionIds.Contains(a.QuestionId))
            .GroupBy(a => a.QuestionId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }
}
