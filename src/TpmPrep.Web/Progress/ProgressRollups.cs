using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Scoring;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Data;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Progress;

/// <summary>What one attempt adds to its owner's roll-ups.</summary>
public sealed record AttemptFacts(string UserId, string QuestionId, string BankId, string? SkillId, DateTime CreatedUtc, double? AverageScore)
{
    public static AttemptFacts Of(Attempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return new AttemptFacts(attempt.UserId, attempt.QuestionId, attempt.BankId, attempt.SkillId, attempt.CreatedUtc, attempt.AverageScore);
    }
}

/// <summary>
/// Keeps each user's progress roll-ups (<see cref="ProgressDay"/>, <see cref="ProgressQuestion"/>,
/// <see cref="ProgressSkillMonth"/>) in step with their attempts, so the dashboard reads a few hundred rows at most
/// however long the history is.
/// <list type="bullet">
/// <item>Every write to a user's attempts calls one of the <c>Attempt…</c> methods before its own save: the change to
/// the roll-ups is saved in the same transaction, and it moves the user's <see cref="ProgressRollupState.Version"/> on,
/// so two writers at once (or a writer and a rebuild) collide on that row and the loser runs again.</item>
/// <item>Writes that add many attempts at once (an import, the demo) call <see cref="MarkStaleAsync"/> instead.</item>
/// <item>Roll-ups that are missing, stale, or counted in another time zone than the user's are rebuilt from the attempts
/// when next read (<see cref="RebuildAsync"/>, called by the dashboard): once, in one pass.</item>
/// </list>
/// </summary>
public sealed class ProgressRollups(AppDbContext db, QuestionSource questions)
{
    /// <summary>Counts a new attempt (graded or not).</summary>
    public Task AttemptAddedAsync(AttemptFacts attempt, CancellationToken cancellationToken) =>
        ApplyAsync(attempt.UserId, [(attempt, +1)], cancellationToken);

    /// <summary>Takes a deleted attempt back out.</summary>
    public Task AttemptRemovedAsync(AttemptFacts attempt, CancellationToken cancellationToken) =>
        ApplyAsync(attempt.UserId, [(attempt, -1)], cancellationToken);

    /// <summary>Moves a self-grade from <paramref name="before"/> (null when ungraded) to the attempt's average now.</summary>
    public Task AttemptRegradedAsync(AttemptFacts attempt, double? before, CancellationToken cancellationToken) =>
        ApplyAsync(attempt.UserId, [(attempt with { AverageScore = before }, -1), (attempt, +1)], cancellationToken);

    /// <summary>
    /// Says, at once (inside the caller's transaction if one is open), that the user's roll-ups must be rebuilt before
    /// they are next read: for writes that add many attempts at once, such as an import. One statement that inserts or
    /// moves the state on, so it never fails for a race; a rebuild running at the same moment meets it and runs again.
    /// </summary>
    public static Task MarkStaleAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "ProgressRollupStates" ("UserId", "ZoneId", "Version") VALUES ({userId}, {ProgressRollupState.Stale}, 1)
            ON CONFLICT ("UserId") DO UPDATE SET "ZoneId" = {ProgressRollupState.Stale}, "Version" = "ProgressRollupStates"."Version" + 1
            """,
            cancellationToken);
    }

    /// <summary>How many attempts the user has, from the roll-ups (a few hundred rows), or null while they are not whole.</summary>
    public Task<int?> AttemptCountAsync(string userId, CancellationToken cancellationToken) =>
        db.ProgressRollupStates.AsNoTracking()
            .Where(s => s.UserId == userId && s.ZoneId != ProgressRollupState.Stale)
            .Select(s => (int?)db.ProgressDays.Where(d => d.UserId == userId).Sum(d => d.Attempts))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Builds the user's roll-ups anew from their attempts, counted in <paramref name="zone"/>; runs again if a write races it.</summary>
    public Task RebuildAsync(string userId, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        db.RetryOnLostRaceAsync(async () =>
        {
            await RebuildOnceAsync(userId, zone, cancellationToken);
            return true;
        });

    private async Task RebuildOnceAsync(string userId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        // Read the state first: a write committed after this read moves its version on, and the save below then fails.
        var state = await db.ProgressRollupStates.SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        await FillMissingSkillsAsync(userId, cancellationToken);
        var attempts = await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == userId)
            .Select(a => new AttemptFacts(a.UserId, a.QuestionId, a.BankId, a.SkillId, a.CreatedUtc, a.AverageScore))
            .ToListAsync(cancellationToken);

        var totals = Tally(attempts.Select(a => (a, +1)), zone);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ProgressDays.Where(d => d.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ProgressQuestions.Where(q => q.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ProgressSkillMonths.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        db.ProgressDays.AddRange(totals.Days.Select(d => new ProgressDay { UserId = userId, Day = d.Key, Attempts = d.Value.Attempts, Graded = d.Value.Graded }));
        db.ProgressQuestions.AddRange(totals.Questions.Select(q => new ProgressQuestion { UserId = userId, QuestionId = q.Key, BankId = q.Value.BankId, Attempts = q.Value.Attempts }));
        db.ProgressSkillMonths.AddRange(totals.SkillMonths.Select(m => new ProgressSkillMonth { UserId = userId, Month = m.Key.Month, SkillId = m.Key.SkillId, Graded = m.Value.Graded, ScoreSum = m.Value.ScoreSum }));

        if (state is null)
        {
            db.ProgressRollupStates.Add(new ProgressRollupState { UserId = userId, ZoneId = zone.Id });
        }
        else
        {
            state.ZoneId = zone.Id;
            state.Version++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Attempts stored before the roll-ups carried no skill: give them their question's, once.</summary>
    private async Task FillMissingSkillsAsync(string userId, CancellationToken cancellationToken)
    {
        var ids = await db.Attempts.AsNoTracking().Where(a => a.UserId == userId && a.SkillId == null)
            .Select(a => a.QuestionId).Distinct().ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return;
        }

        var found = await questions.FindManyAsync(ids, cancellationToken);
        foreach (var id in ids)
        {
            // A question no longer in the library keeps an empty skill: it counts as practised but in no skill area.
            var skill = found.GetValueOrDefault(id)?.PrimarySkill ?? string.Empty;
            await db.Attempts.Where(a => a.UserId == userId && a.QuestionId == id && a.SkillId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.SkillId, skill), cancellationToken);
        }
    }

    private async Task ApplyAsync(string userId, IReadOnlyList<(AttemptFacts Attempt, int Sign)> changes, CancellationToken cancellationToken)
    {
        var state = await db.ProgressRollupStates.FindAsync([userId], cancellationToken);
        if (state is null)
        {
            // Never built: the first read builds them whole, this write included.
            db.ProgressRollupStates.Add(new ProgressRollupState { UserId = userId, ZoneId = ProgressRollupState.Stale });
            return;
        }

        state.Version++;
        if (state.ZoneId == ProgressRollupState.Stale || !TimeZoneInfo.TryFindSystemTimeZoneById(state.ZoneId, out var zone))
        {
            return;
        }

        // Net changes per row, then one keyed read per row touched: a write costs the same at any length of history.
        var delta = Tally(changes, zone);
        foreach (var (day, change) in delta.Days.Where(d => d.Value != default))
        {
            var row = await db.ProgressDays.FindAsync([userId, day], cancellationToken) ?? Track(db.ProgressDays, new ProgressDay { UserId = userId, Day = day });
            row.Attempts += change.Attempts;
            row.Graded += change.Graded;
            DropIfEmpty(row, row.Attempts <= 0);
        }

        foreach (var (questionId, change) in delta.Questions.Where(q => q.Value.Attempts != 0))
        {
            var row = await db.ProgressQuestions.FindAsync([userId, questionId], cancellationToken)
                ?? Track(db.ProgressQuestions, new ProgressQuestion { UserId = userId, QuestionId = questionId, BankId = change.BankId });
            row.Attempts += change.Attempts;
            DropIfEmpty(row, row.Attempts <= 0);
        }

        foreach (var (key, change) in delta.SkillMonths.Where(m => m.Value != default))
        {
            var row = await db.ProgressSkillMonths.FindAsync([userId, key.Month, key.SkillId], cancellationToken)
                ?? Track(db.ProgressSkillMonths, new ProgressSkillMonth { UserId = userId, Month = key.Month, SkillId = key.SkillId });
            row.Graded += change.Graded;
            row.ScoreSum += change.ScoreSum;
            DropIfEmpty(row, row.Graded <= 0);
        }
    }

    /// <summary>What the attempts add up to, per day, question and skill-month, with each attempt counted <c>Sign</c> times.</summary>
    private static Totals Tally(IEnumerable<(AttemptFacts Attempt, int Sign)> attempts, TimeZoneInfo zone)
    {
        var totals = new Totals();
        foreach (var (attempt, sign) in attempts)
        {
            var day = Streaks.LocalDay(attempt.CreatedUtc, zone);
            var graded = attempt.AverageScore is null ? 0 : sign;
            var dayTotal = totals.Days.GetValueOrDefault(day);
            totals.Days[day] = (dayTotal.Attempts + sign, dayTotal.Graded + graded);

            var questionTotal = totals.Questions.GetValueOrDefault(attempt.QuestionId, (BankId: attempt.BankId, Attempts: 0));
            totals.Questions[attempt.QuestionId] = (questionTotal.BankId, questionTotal.Attempts + sign);

            if (attempt.AverageScore is { } score && !string.IsNullOrEmpty(attempt.SkillId))
            {
                var key = (new DateOnly(day.Year, day.Month, 1), attempt.SkillId);
                var monthTotal = totals.SkillMonths.GetValueOrDefault(key);
                totals.SkillMonths[key] = (monthTotal.Graded + sign, monthTotal.ScoreSum + (sign * score));
            }
        }

        return totals;
    }

    private static T Track<T>(DbSet<T> set, T row)
        where T : class
    {
        set.Add(row);
        return row;
    }

    /// <summary>A row that counts nothing goes, so "practised" and the month list need no filter.</summary>
    private void DropIfEmpty(object row, bool empty)
    {
        var entry = db.Entry(row);
        if (!empty)
        {
            return;
        }

        entry.State = entry.State == EntityState.Added ? EntityState.Detached : EntityState.Deleted;
    }

    private sealed class Totals
    {
        public Dictionary<DateOnly, (int Attempts, int Graded)> Days { get; } = [];

        public Dictionary<string, (string BankId, int Attempts)> Questions { get; } = new(StringComparer.Ordinal);

        public Dictionary<(DateOnly Month, string SkillId), (int Graded, double ScoreSum)> SkillMonths { get; } = [];
    }
}
