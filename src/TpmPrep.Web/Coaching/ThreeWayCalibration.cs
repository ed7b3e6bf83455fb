using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Scoring;
using TpmPrep.Web.Access;
using TpmPrep.Web.Assessments;
using TpmPrep.Web.Data;
using TpmPrep.Web.Progress;

namespace TpmPrep.Web.Coaching;

/// <summary>One skill area's three readings, each 0-100, month by month and over the whole window.</summary>
public sealed record CalibrationArea(
    string SkillId,
    string Title,
    IReadOnlyList<double?> Self,
    IReadOnlyList<double?> Own,
    IReadOnlyList<double?> Coach,
    double? SelfNow,
    double? OwnNow,
    int OwnGraded,
    double? CoachNow,
    int CoachRated)
{
    /// <summary>Self-rating minus the coach's ratings, when both exist.</summary>
    public double? SelfOverCoach => SelfNow is double s && CoachNow is double c ? Math.Round(s - c) : null;

    /// <summary>The candidate's own grades minus the coach's, when both exist: how generous the candidate is with themselves.</summary>
    public double? OwnOverCoach => OwnNow is double o && CoachNow is double c ? Math.Round(o - c) : null;
}

/// <summary>The calibration of one candidate over <see cref="Months"/>; <see cref="IncludesSelf"/> is false when the viewer may not see self-assessments.</summary>
public sealed record CalibrationView(IReadOnlyList<DateOnly> Months, IReadOnlyList<CalibrationArea> Areas, bool IncludesSelf)
{
    public bool HasAnything => Areas.Any(a => a.SelfNow is not null || a.OwnNow is not null || a.CoachNow is not null);
}

/// <summary>A self-assessment's area scores and when it was completed.</summary>
public sealed record SelfReading(DateTime CompletedUtc, IReadOnlyDictionary<string, double> Scores);

/// <summary>One attempt's coach rating: its skill area, when graded, and the mean score as 0-100.</summary>
public sealed record CoachReading(DateTime GradedUtc, string SkillId, double Percent);

/// <summary>
/// Three-way calibration per skill area, over time: what the candidate claims (self-assessment), how they grade their
/// own answers, and how their coach grades the same answers, all on one 0-100 scale (a rubric score s of n levels is
/// (s - 1) / (n - 1) x 100, as the self-assessment's evidence). The self line carries the latest assessment forward
/// month by month; the grade lines are each month's mean.
/// </summary>
public sealed class ThreeWayCalibration(AppDbContext db, AssessmentService assessments)
{
    /// <summary>A rubric score on the 0-100 scale.</summary>
    public static double Percent(double score, int levels) => levels <= 1 ? 0 : Math.Clamp((score - 1) / (levels - 1), 0, 1) * 100;

    public static CalibrationView Build(
        IReadOnlyList<DateOnly> months,
        TimeZoneInfo zone,
        IReadOnlyList<(string Id, string Title)> skills,
        IReadOnlyList<SelfReading>? self,
        IReadOnlyList<(DateOnly Month, string SkillId, int Graded, double ScoreSum)> own,
        IReadOnlyList<CoachReading> coach)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(coach);
        DateOnly MonthOf(DateTime utc)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
            return new DateOnly(local.Year, local.Month, 1);
        }

        var window = months.ToHashSet();
        var selfByMonth = (self ?? []).OrderBy(s => s.CompletedUtc).Select(s => (Month: MonthOf(s.CompletedUtc), s.Scores)).ToList();
        var coachInWindow = coach.Select(c => (Month: MonthOf(c.GradedUtc), c.SkillId, c.Percent)).Where(c => window.Contains(c.Month)).ToList();
        var ownInWindow = own.Where(o => window.Contains(o.Month) && o.Graded > 0).ToList();
        var areas = skills.Select(skill =>
        {
            var mineSelf = selfByMonth.Where(s => s.Scores.ContainsKey(skill.Id)).Select(s => (s.Month, Score: s.Scores[skill.Id])).ToList();
            var selfLine = months.Select(m => mineSelf.Where(s => s.Month <= m).Select(s => (double?)Math.Round(s.Score)).LastOrDefault()).ToList();
            var mineOwn = ownInWindow.Where(o => o.SkillId == skill.Id).ToList();
            var ownLine = months.Select(m => mineOwn.Where(o => o.Month == m).ToList() is { Count: > 0 } rows
                ? Math.Round(Percent(rows.Sum(r => r.ScoreSum) / rows.Sum(r => r.Graded), 4)) : (double?)null).ToList();
            var mineCoach = coachInWindow.Where(c => c.SkillId == skill.Id).ToList();
            var coachLine = months.Select(m => mineCoach.Where(c => c.Month == m).ToList() is { Count: > 0 } rows
                ? Math.Round(rows.Average(r => r.Percent)) : (double?)null).ToList();
            double? latestSelf = mineSelf.Count == 0 ? null : mineSelf[^1].Score;
            var ownGraded = mineOwn.Sum(o => o.Graded);
            return new CalibrationArea(
                skill.Id,
                skill.Title,
                selfLine,
                ownLine,
                coachLine,
                latestSelf is double ls ? Math.Round(ls) : null,
                ownGraded == 0 ? null : Math.Round(Percent(mineOwn.Sum(o => o.ScoreSum) / ownGraded, 4)),
                ownGraded,
                mineCoach.Count == 0 ? null : Math.Round(mineCoach.Average(c => c.Percent)),
                mineCoach.Count);
        }).ToList();
        return new CalibrationView(months, areas, self is not null);
    }

    /// <summary>
    /// The calibration of the dashboard's owner as <paramref name="viewer"/> may see it: self-assessments only when
    /// <paramref name="includeSelf"/> (the owner, or a coach with the assessments scope); coach ratings from every
    /// coach, or only from <paramref name="onlyCoachId"/> (a coach sees their own ratings beside the candidate's).
    /// </summary>
    public async Task<CalibrationView> ForAsync(Viewer viewer, string candidateId, Dashboard dashboard, bool includeSelf, string? onlyCoachId, TpmPrep.Content.Model.ContentCatalogue catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(catalogue);
        IReadOnlyList<SelfReading>? self = null;
        if (includeSelf)
        {
            self = (await assessments.HistoryAsync(viewer, candidateId, cancellationToken))
                .Where(h => h.CompletedUtc is not null)
                .Select(h => new SelfReading(h.CompletedUtc!.Value, h.Scores))
                .ToList();
        }

        // The own line is the dashboard's roll-up of the candidate's self-grades per month: the dashboard given was
        // read through the access check, so its owner's roll-up is the viewer's to see.
        var firstMonth = dashboard.TrendMonths[0];
        var own = (await db.ProgressSkillMonths.AsNoTracking()
                .Where(m => m.UserId == candidateId && m.Month >= firstMonth)
                .Select(m => new { m.Month, m.SkillId, m.Graded, m.ScoreSum })
                .ToListAsync(cancellationToken))
            .Select(m => (m.Month, m.SkillId, m.Graded, m.ScoreSum))
            .ToList();
        var from = UserClockStart(dashboard);
        var scores = await db.AttemptScores.AsNoTracking()
            .Where(s => s.GraderRole == GraderRole.Coach && s.GradedUtc >= from && (onlyCoachId == null || s.GradedById == onlyCoachId))
            .Join(db.Attempts.Where(a => a.UserId == candidateId), s => s.AttemptId, a => a.Id, (s, a) => new { s.AttemptId, s.GradedById, a.SkillId, a.QuestionId, s.Score, s.Levels, GradedUtc = s.GradedUtc!.Value })
            .ToListAsync(cancellationToken);
        var coach = scores.GroupBy(s => (s.AttemptId, s.GradedById))
            .Select(g =>
            {
                var first = g.First();
                var skill = first.SkillId ?? catalogue.FindQuestion(first.QuestionId)?.PrimarySkill;
                return skill is null ? null : new CoachReading(g.Max(s => s.GradedUtc), skill, g.Average(s => Percent(s.Score, s.Levels)));
            })
            .OfType<CoachReading>()
            .ToList();
        return Build(dashboard.TrendMonths, dashboard.Zone, catalogue.Skills.Select(s => (s.Id, s.Title)).ToList(), self, own, coach);
    }

    private static DateTime UserClockStart(Dashboard dashboard) =>
        TpmPrep.Web.Accounts.UserClock.StartOfDayUtc(dashboard.TrendMonths[0], dashboard.Zone);

    /// <summary>A short reading of the gap between two scores, for the table.</summary>
    public static string Reading(double? gap) => gap switch
    {
        null => "",
        >= AssessmentScoring.CalibrationThreshold => $"{gap:0} points higher",
        <= -AssessmentScoring.CalibrationThreshold => $"{-gap:0} points lower",
        _ => "close",
    };
}

/// <summary>What the calibration partial shows: whose readings, and what to call the self and coach lines.</summary>
public sealed record CalibrationPanel(CalibrationView View, string SelfLabel, string OwnLabel, string CoachLabel, string Intro);
