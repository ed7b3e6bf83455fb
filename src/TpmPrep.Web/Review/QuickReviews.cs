using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Model;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Data;
using TpmPrep.Content.Scoring;

namespace TpmPrep.Web.Review;

/// <summary>Where today's reviewing stands against the daily cap.</summary>
public sealed record ReviewDay(int Cap, int DoneToday, int Due)
{
    /// <summary>How many more reviews today's cap offers, at most the number due.</summary>
    public int Left => Math.Min(Due, Math.Max(0, Cap - DoneToday));

    public bool CapReached => DoneToday >= Cap;

    /// <summary>Due questions the cap leaves for another day.</summary>
    public int Waiting => Math.Max(0, Due - Left);
}

/// <summary>What a quick review did to the schedule.</summary>
public sealed record QuickReviewResult(int Covered, int Points, int NextIntervalDays, DateTime NextDueUtc);

/// <summary>
/// Quick reviews: a few minutes of outline against a due question, then its strong-answer points revealed and the
/// ones the outline covered ticked. The share covered is graded like an answer's average (all of them a 4, none a 1)
/// and moves the schedule by the same SM-2 step. The daily cap counts quick reviews and graded re-answers of
/// questions answered before today.
/// </summary>
public sealed class QuickReviews(AppDbContext db, UserClock clock, RecordAccess access, ReviewService reviews)
{
    public async Task<ReviewDay> DayAsync(Viewer viewer, string userId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.Review, AccessAction.Read, cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.ReviewDailyCap, u.TimeZoneId }).SingleAsync(cancellationToken);
        var zone = UserClock.Find(user.TimeZoneId);
        var today = Streaks.LocalDay(clock.UtcNow, zone);
        var start = UserClock.StartOfDayUtc(today, zone);
        var end = UserClock.StartOfDayUtc(today.AddDays(1), zone);
        var quick = await db.QuickReviews.AsNoTracking().CountAsync(r => r.UserId == userId && r.CreatedUtc >= start && r.CreatedUtc < end, cancellationToken);
        var again = await db.Attempts.AsNoTracking().CountAsync(
            a => a.UserId == userId && a.FollowUpIndex == null && a.GradedUtc >= start && a.GradedUtc < end
                && db.Attempts.Any(b => b.UserId == userId && b.QuestionId == a.QuestionId && b.CreatedUtc < start),
            cancellationToken);
        var due = await reviews.CountDueAsync(viewer, userId, zone, cancellationToken);
        return new ReviewDay(user.ReviewDailyCap ?? ReviewLimits.DefaultDailyCap, quick + again, due);
    }

    /// <summary>Keeps the quick review and moves the question's schedule; the caller has checked the outline and the ticks.</summary>
    public async Task<QuickReviewResult> SaveAsync(Viewer viewer, string userId, Question question, string outline, IReadOnlyCollection<int> covered, int seconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(covered);
        await access.DemandAsync(viewer, userId, RecordKind.Review, AccessAction.Write, cancellationToken);
        var points = question.StrongAnswerPointsHtml.Count;
        var ticked = covered.Where(i => i >= 0 && i < points).Distinct().Order().ToList();
        var now = clock.UtcNow;
        db.QuickReviews.Add(new QuickReview
        {
            UserId = userId,
            QuestionId = question.Id,
            Outline = outline,
            Covered = string.Join(',', ticked),
            CoveredCount = ticked.Count,
            PointCount = points,
            TimeTakenSeconds = Math.Clamp(seconds, 0, 3 * 60 * 60),
            CreatedUtc = now,
        });
        await reviews.ApplyAsync(userId, question.Id, Average(ticked.Count, points), now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var schedule = await db.ReviewSchedules.AsNoTracking().Where(r => r.UserId == userId && r.QuestionId == question.Id)
            .Select(r => new { r.IntervalDays, r.DueUtc }).SingleAsync(cancellationToken);
        return new QuickReviewResult(ticked.Count, points, schedule.IntervalDays, schedule.DueUtc);
    }

    /// <summary>The share of points covered on the rubric's 1-4 scale: none 1, all 4.</summary>
    public static double Average(int covered, int points) => points == 0 ? 1 : 1 + (3.0 * Math.Clamp(covered, 0, points) / points);
}
