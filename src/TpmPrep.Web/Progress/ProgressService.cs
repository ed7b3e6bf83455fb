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
    IReadOnlyList<SkillProgress> Skills,
    IReadOnlyList<DateOnly> TrendMonths,
    int DueCount,
    IReadOnlyList<AttemptSummary> Recent);

/// <summary>
/// Everything the progress dashboard shows, from one projected query over the user's attempts plus the
/// due count: no query per bank, skill or day, so it stays fast for thousands of attempts.
/// </summary>
public sealed class ProgressService(AppDbContext db, UserClock clock, ReviewService reviews, QuestionSource questions, RecordAccess access)
{
    public const int TrendMonthCount = 6;

    public async Task<Dashboard> GetAsync(Viewer viewer, string userId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(viewer, userId, RecordKind.Progress, AccessAction.Read, cancellationToken);
        var catalogue = questions.Catalogue;
        var zone = await clock.ZoneAsync(userId, cancellationToken);
        var today = Streaks.LocalDay(clock.UtcNow, zone);
        var attempts = await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == userId)
            .OrderByDescending(a => a.CreatedUtc).ThenByDescending(a => a.Id)
            .Select(a => new AttemptSummary(a.Id, a.QuestionId, a.QuestionTitle, a.BankId, a.CreatedUtc, a.GradedUtc, a.AverageScore, a.TimeTakenSeconds))
            .ToListAsync(cancellationToken);
        var dueCount = await reviews.CountDueAsync(viewer, userId, cancellationToken);

        var localDays = attempts.Select(a => (Attempt: a, Day: Streaks.LocalDay(a.CreatedUtc, zone))).ToList();
        var firstHeatmapDay = Charts.ActivityHeatmap.FirstDay(today);
        var daily = localDays.Where(x => x.Day >= firstHeatmapDay).GroupBy(x => x.Day).ToDictionary(g => g.Key, g => g.Count());
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var monthly = Enumerable.Range(0, 12).Select(i => thisMonth.AddMonths(-11 + i))
            .Select(month => (month, localDays.Count(x => x.Day.Year == month.Year && x.Day.Month == month.Month)))
            .ToList();

        var practised = attempts.Select(a => a.QuestionId).ToHashSet(StringComparer.Ordinal);
        var banks = catalogue.Banks.Select(b => new BankProgress(b.Id, b.Title, b.Questions.Count(q => practised.Contains(q.Id)), b.Questions.Count)).ToList();

        var trendMonths = Enumerable.Range(0, TrendMonthCount).Select(i => thisMonth.AddMonths(-(TrendMonthCount - 1) + i)).ToList();
        var answered = await questions.FindManyAsync(practised, cancellationToken);
        var graded = localDays.Where(x => x.Attempt.AverageScore is not null)
            .Select(x => (x.Day, Score: x.Attempt.AverageScore!.Value, Skill: answered.GetValueOrDefault(x.Attempt.QuestionId)?.PrimarySkill))
            .Where(x => x.Skill is not null)
            .ToList();
        var skills = catalogue.Skills.Select(skill =>
        {
            var mine = graded.Where(g => g.Skill == skill.Id).ToList();
            var monthlyAverages = trendMonths
                .Select(m => mine.Where(g => g.Day.Year == m.Year && g.Day.Month == m.Month).Select(g => g.Score).ToList())
                .Select(scores => scores.Count == 0 ? (double?)null : Math.Round(scores.Average(), 2))
                .ToList();
            return new SkillProgress(skill.Id, skill.Title, mine.Count == 0 ? null : Math.Round(mine.Average(g => g.Score), 2), mine.Count, monthlyAverages);
        }).ToList();

        return new Dashboard(
            today,
            zone,
            attempts.Count,
            attempts.Count(a => a.AverageScore is not null),
            practised.Count,
            Streaks.Compute(attempts.Select(a => a.CreatedUtc), zone, clock.UtcNow),
            daily,
            monthly,
            banks,
            skills,
            trendMonths,
            dueCount,
            attempts.Take(10).ToList());
    }
}
