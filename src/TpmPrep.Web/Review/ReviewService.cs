using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Model;
using TpmPrep.Content.Scoring;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Access;
using TpmPrep.Web.Data;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Review;

/// <summary>A question waiting for review.</summary>
public sealed record DueQuestion(string QuestionId, string Title, string BankId, DateTime DueUtc, bool Overdue, int IntervalDays, int Repetitions, bool InLibrary = true);

/// <summary>The spaced-review schedule of each user's questions (SM-2, docs/scheduling.md).</summary>
public sealed class ReviewService(AppDbContext db, UserClock clock, RecordAccess access, QuestionSource questions)
{
    /// <summary>Moves the question's schedule on by one graded review; the caller, which checked the grade's access, saves.</summary>
    internal async Task ApplyAsync(string userId, string questionId, double averageScore, DateTime gradedUtc, CancellationToken cancellationToken)
    {
        var schedule = await db.ReviewSchedules.SingleOrDefaultAsync(r => r.UserId == userId && r.QuestionId == questionId, cancellationToken)
            ?? db.ReviewSchedules.Local.SingleOrDefault(r => r.UserId == userId && r.QuestionId == questionId);
        var firstReview = schedule is null;
        if (schedule is null)
        {
            schedule = new ReviewSchedule { UserId = userId, QuestionId = questionId };
            db.ReviewSchedules.Add(schedule);
        }

        MoveOn(schedule, firstReview, averageScore, gradedUtc);
    }

    /// <summary>One graded review's step of SM-2 on the schedule (the demo history replays grading through it too).</summary>
    internal static void MoveOn(ReviewSchedule schedule, bool firstReview, double averageScore, DateTime gradedUtc)
    {
        var grade = ReviewScheduling.GradeFromRubric(averageScore);
        var next = ReviewScheduling.Next(firstReview ? null : new ReviewState(schedule.Repetitions, schedule.EaseFactor, schedule.IntervalDays), grade);
        schedule.Repetitions = next.Repetitions;
        schedule.EaseFactor = next.EaseFactor;
        schedule.IntervalDays = next.IntervalDays;
        schedule.LastQuality = ReviewScheduling.Quality(grade);
        schedule.LastReviewedUtc = gradedUtc;
        schedule.DueUtc = gradedUtc.AddDays(next.IntervalDays);
    }

    /// <summary>Up to <paramref name="take"/> questions due by the end of the user's day, overdue first.</summary>
    public async Task<IReadOnlyList<DueQuestion>> DueAsync(Viewer viewer, string userId, int take, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.Review, AccessAction.Read, cancellationToken);
        return await DueAsync(userId, await clock.ZoneAsync(userId, cancellationToken), 0, take, cancellationToken);
    }

    /// <summary>One page of the questions due by the end of the user's day, overdue first, with how many are due in all.</summary>
    public async Task<Paged<DueQuestion>> DuePageAsync(Viewer viewer, string userId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var zone = await clock.ZoneAsync(userId, cancellationToken);
        var total = await CountDueAsync(viewer, userId, zone, cancellationToken);
        page = Paging.Clamp(page);
        var items = await DueAsync(userId, zone, Paging.Skip(page, pageSize), pageSize, cancellationToken);
        return new Paged<DueQuestion>(items, total, page, pageSize);
    }

    private async Task<IReadOnlyList<DueQuestion>> DueAsync(string userId, TimeZoneInfo zone, int skip, int take, CancellationToken cancellationToken)
    {
        var (startOfToday, endOfToday) = Today(zone);
        var rows = await db.ReviewSchedules.AsNoTracking()
            .Where(r => r.UserId == userId && !r.Retired && r.DueUtc < endOfToday)
            .OrderBy(r => r.DueUtc).ThenBy(r => r.Id)
            .Skip(skip)
            .Take(take)
            .Select(r => new { r.QuestionId, r.DueUtc, r.IntervalDays, r.Repetitions })
            .ToListAsync(cancellationToken);
        var found = await questions.FindManyAsync(rows.Select(r => r.QuestionId), cancellationToken);
        // A question gone from the library keeps its place, named by its id, so it can still be retired.
        return rows
            .Select(r => new DueQuestion(
                r.QuestionId, found.GetValueOrDefault(r.QuestionId)?.Title ?? r.QuestionId, found.GetValueOrDefault(r.QuestionId)?.BankId ?? string.Empty,
                r.DueUtc, r.DueUtc < startOfToday, r.IntervalDays, r.Repetitions, found.ContainsKey(r.QuestionId)))
            .ToList();
    }

    public async Task<int> CountDueAsync(Viewer viewer, string userId, CancellationToken cancellationToken) =>
        await CountDueAsync(viewer, userId, await clock.ZoneAsync(userId, cancellationToken), cancellationToken);

    /// <summary>The same, for a caller that already knows the user's time zone.</summary>
    public async Task<int> CountDueAsync(Viewer viewer, string userId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.Review, AccessAction.Read, cancellationToken);
        var (_, endOfToday) = Today(zone);
        return await db.ReviewSchedules.AsNoTracking().CountAsync(r => r.UserId == userId && !r.Retired && r.DueUtc < endOfToday, cancellationToken);
    }

    /// <summary>Moves the question to the start of the local day <paramref name="days"/> from today.</summary>
    public async Task<bool> SnoozeAsync(Viewer viewer, string userId, string questionId, int days, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.Review, AccessAction.Write, cancellationToken);
        if (days is < 1 or > 30)
        {
            return false;
        }

        var schedule = await db.ReviewSchedules.SingleOrDefaultAsync(r => r.UserId == userId && r.QuestionId == questionId, cancellationToken);
        if (schedule is null)
        {
            return false;
        }

        var zone = await clock.ZoneAsync(userId, cancellationToken);
        schedule.DueUtc = UserClock.StartOfDayUtc(Streaks.LocalDay(clock.UtcNow, zone).AddDays(days), zone);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> SetRetiredAsync(Viewer viewer, string userId, string questionId, bool retired, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.Review, AccessAction.Write, cancellationToken);
        var schedule = await db.ReviewSchedules.SingleOrDefaultAsync(r => r.UserId == userId && r.QuestionId == questionId, cancellationToken);
        if (schedule is null)
        {
            return false;
        }

        schedule.Retired = retired;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<string>> RetiredAsync(Viewer viewer, string userId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.Review, AccessAction.Read, cancellationToken);
        return await db.ReviewSchedules.AsNoTracking().Where(r => r.UserId == userId && r.Retired).OrderBy(r => r.QuestionId).Select(r => r.QuestionId).ToListAsync(cancellationToken);
    }

    /// <summary>The next due time of each scheduled question, for the question page.</summary>
    public async Task<DateTime?> NextDueAsync(Viewer viewer, string userId, string questionId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.Review, AccessAction.Read, cancellationToken);
        return await db.ReviewSchedules.AsNoTracking().Where(r => r.UserId == userId && r.QuestionId == questionId && !r.Retired).Select(r => (DateTime?)r.DueUtc).SingleOrDefaultAsync(cancellationToken);
    }

    private async Task<(DateTime Start, DateTime End)> TodayAsync(string userId, CancellationToken cancellationToken) =>
        Today(await clock.ZoneAsync(userId, cancellationToken));

    private (DateTime Start, DateTime End) Today(TimeZoneInfo zone)
    {
        var today = Streaks.LocalDay(clock.UtcNow, zone);
        return (UserClock.StartOfDayUtc(today, zone), UserClock.StartOfDayUtc(today.AddDays(1), zone));
    }
}
