using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Model;
using TpmPrep.Content.Scoring;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Access;
using TpmPrep.Web.Data;
using TpmPrep.Web.Questions;
using TpmPrep.Web.Review;

namespace TpmPrep.Web.Progress;

public sealed record BankProgress(string BankId, string Title, int Practised, int Total);

public sealed record SkillProgress(string SkillId, string Title, double? Average, int Graded, IReadOnlyList<double?> MonthlyAverages);

public sealed record Dashboard(
    DateOnly Today,
    TimeZoneInfo Zone,
    int TotalAttempts,
    int GradedAttempts,
    int QuestionsPractised,
    StreakSummary Streaks,
    IReadOnlyDictionary<DateOnly, int> DailyCounts,
    IReadOnlyList<(DateOnly Month, int Attempts)> Monthly,
    IReadOnlyList<BankProgress> Banks,
    int BanksNotShown,
    IReadOnlyList<SkillProgress> Skills,
    IReadOnlyList<DateOnly> TrendMonths,
    int DueCount,
    IReadOnlyList<AttemptSummary> Recent);

/// <summary>
/// Everything the progress dashboard shows, from the user's roll-ups (<see cref="ProgressRollups"/>: one row per day,
/// per question practised and per skill-month) plus the ten newest attempts and the due count. Nothing here reads the
/// whole history, so the page costs the same at 50,000 attempts as at none.
/// </summary>
public sealed class ProgressService(AppDbContext db, UserClock clock, ReviewService reviews, QuestionSource questions, RecordAccess access, ProgressRollups rollups)
{
    public const int TrendMonthCount = 6;

    /// <summary>The bank list shows every bank practised, then unstarted ones up to this many rows.</summary>
    public const int BankRows = 12;

    public async Task<Dashboard> GetAsync(Viewer viewer, string userId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.Progress, AccessAction.Read, cancellationToken);
        var catalogue = questions.Catalogue;
        // The user's zone and the zone their roll-ups are counted in, in one query: a rebuild is needed only when they differ.
        var profile = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.TimeZoneId, Built = db.ProgressRollupStates.Where(s => s.UserId == u.Id).Select(s => s.ZoneId).FirstOrDefault() })
            .SingleAsync(cancellationToken);
        var zone = UserClock.Find(profile.TimeZoneId);
        if (profile.Built != zone.Id)
        {
            await rollups.RebuildAsync(userId, zone, cancellationToken);
        }

        var today = Streaks.LocalDay(clock.UtcNow, zone);

        var days = await db.ProgressDays.AsNoTracking().Where(d => d.UserId == userId)
            .Select(d => new { d.Day, d.Attempts, d.Graded }).ToListAsync(cancellationToken);
        var practised = await db.ProgressQuestions.AsNoTracking().Where(q => q.UserId == userId)
            .Select(q => new { q.QuestionId, q.BankId }).ToListAsync(cancellationToken);
        var skillMonths = await db.ProgressSkillMonths.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new { m.Month, m.SkillId, m.Graded, m.ScoreSum }).ToListAsync(cancellationToken);
        var recent = await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == userId)
            .OrderByDescending(a => a.CreatedUtc).ThenByDescending(a => a.Id)
            .Take(10)
            .Select(a => new AttemptSummary(a.Id, a.QuestionId, a.QuestionTitle, a.BankId, a.CreatedUtc, a.GradedUtc, a.AverageScore, a.TimeTakenSeconds, a.FollowUpIndex != null))
            .ToListAsync(cancellationToken);
        var dueCount = await reviews.CountDueAsync(viewer, userId, zone, cancellationToken);

        var firstHeatmapDay = Charts.ActivityHeatmap.FirstDay(today);
        var daily = days.Where(d => d.Day >= firstHeatmapDay).ToDictionary(d => d.Day, d => d.Attempts);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var perMonth = days.GroupBy(d => new DateOnly(d.Day.Year, d.Day.Month, 1)).ToDictionary(g => g.Key, g => g.Sum(d => d.Attempts));
        var monthly = Enumerable.Range(0, 12).Select(i => thisMonth.AddMonths(-11 + i))
            .Select(month => (month, perMonth.GetValueOrDefault(month)))
            .ToList();

        // A question counts towards the bank it is in now; one no longer in the library counts in none.
        var practisedPerBank = practised
            .Select(p => catalogue.FindQuestion(p.QuestionId)?.BankId)
            .Where(b => b is not null)
            .GroupBy(b => b!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var allBanks = catalogue.Banks.Select(b => new BankProgress(b.Id, b.Title, practisedPerBank.GetValueOrDefault(b.Id), b.Questions.Count)).ToList();
        var banks = allBanks.Where(b => b.Practised > 0)
            .Concat(allBanks.Where(b => b.Practised == 0).Take(Math.Max(0, BankRows - practisedPerBank.Count)))
            .ToList();

        var trendMonths = Enumerable.Range(0, TrendMonthCount).Select(i => thisMonth.AddMonths(-(TrendMonthCount - 1) + i)).ToList();
        var skills = catalogue.Skills.Select(skill =>
        {
            var mine = skillMonths.Where(m => m.SkillId == skill.Id).ToList();
            var graded = mine.Sum(m => m.Graded);
            var monthlyAverages = trendMonths
                .Select(month => mine.FirstOrDefault(m => m.Month == month) is { Graded: > 0 } m ? Math.Round(m.ScoreSum / m.Graded, 2) : (double?)null)
                .ToList();
            return new SkillProgress(skill.Id, skill.Title, graded == 0 ? null : Math.Round(mine.Sum(m => m.ScoreSum) / graded, 2), graded, monthlyAverages);
        }).ToList();

        return new Dashboard(
            today,
            zone,
            days.Sum(d => d.Attempts),
            days.Sum(d => d.Graded),
            practised.Count,
            Streaks.Compute(days.Select(d => d.Day), today),
            daily,
            monthly,
            banks,
            allBanks.Count - banks.Count,
            skills,
            trendMonths,
            dueCount,
            recent);
    }
}
