using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Assessments;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;
using TpmPrep.Web.Progress;

namespace TpmPrep.Web.Practice;

/// <summary>Everything the start page shows: the plan, what was done today, the streak and the date.</summary>
public sealed record TodayView(
    string Name,
    DateOnly Today,
    DateOnly? InterviewDate,
    string? TargetLevelId,
    StudyPlan Plan,
    IReadOnlySet<string> AnsweredToday,
    int CurrentStreak,
    int AttemptsToday,
    bool FromAssessment);

/// <summary>
/// The candidate's start page: the plan to the interview date from the latest self-assessment's gaps (or, without one,
/// the candidate's own grades), the reviews due, and what is done today. Reads through <see cref="RecordAccess"/> as
/// the dashboard does; only the owner opens it.
/// </summary>
public sealed class TodayService(AppDbContext db, ProgressService progress, AssessmentService assessments, CatalogueProvider catalogue)
{
    /// <summary>Reviews planned a day when the candidate has set no daily cap in the profile (a cap set there is used instead).</summary>
    public const int ReviewsPerDay = 10;

    public async Task<TodayView> GetAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var userId = viewer.UserId;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.InterviewDate, u.TargetLevelId, u.ReviewDailyCap })
            .SingleAsync(cancellationToken);
        var dashboard = await progress.GetAsync(viewer, userId, cancellationToken);
        var current = catalogue.Current;
        var history = await assessments.HistoryAsync(viewer, userId, cancellationToken);
        var latest = history.LastOrDefault(h => h.CompletedUtc is not null);
        var levelId = user.TargetLevelId ?? latest?.TargetLevelId;
        var level = levelId is null ? null : current.FindLevel(levelId);

        List<AreaNeed> needs;
        if (latest is not null && level is not null)
        {
            needs = current.Skills.Select(s =>
            {
                var score = latest.Scores.GetValueOrDefault(s.Id);
                var target = level.Targets.GetValueOrDefault(s.Id);
                var gap = Math.Max(0, target - score);
                return new AreaNeed(s.Id, s.Title, gap, gap > 0 ? $"self-assessed {gap:0} points below the {level.Title} target" : $"at the {level.Title} target");
            }).ToList();
        }
        else
        {
            needs = dashboard.Skills.Select(s => s.Average is double avg
                ? new AreaNeed(s.SkillId, s.Title, Math.Round(100 - TpmPrep.Web.Coaching.ThreeWayCalibration.Percent(avg, 4)), $"your grades average {avg:0.0} of 4")
                : new AreaNeed(s.SkillId, s.Title, 60, "not graded yet")).ToList();
        }

        var dayStart = UserClock.StartOfDayUtc(dashboard.Today, dashboard.Zone);
        var answeredToday = (await db.Attempts.AsNoTracking().Where(a => a.UserId == userId && a.CreatedUtc >= dayStart).Select(a => a.QuestionId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        // Practised before today: the plan keeps its shape through the day (what was answered today stays in it, ticked).
        var practised = (await db.Attempts.AsNoTracking().Where(a => a.UserId == userId && a.CreatedUtc < dayStart).Select(a => a.QuestionId).Distinct().ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var byPrimary = current.Questions
            .GroupBy(q => q.PrimarySkill, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<PlanQuestion>)g
                    .OrderBy(q => practised.Contains(q.Id))
                    .ThenBy(q => levelId is not null && q.LevelId == levelId ? 0 : 1)
                    .ThenBy(q => q.Id, StringComparer.Ordinal)
                    .Select(q => new PlanQuestion(q.Id, q.Title, q.PrimarySkill, q.Minutes))
                    .ToList(),
                StringComparer.Ordinal);
        var plan = StudyPlanner.Build(dashboard.Today, user.InterviewDate, needs, dashboard.DueCount, user.ReviewDailyCap ?? ReviewsPerDay, skill => byPrimary.GetValueOrDefault(skill) ?? []);

        return new TodayView(user.DisplayName, dashboard.Today, user.InterviewDate, levelId, plan, answeredToday, dashboard.Streaks.Current,
            dashboard.DailyCounts.GetValueOrDefault(dashboard.Today), latest is not null && level is not null);
    }
}
