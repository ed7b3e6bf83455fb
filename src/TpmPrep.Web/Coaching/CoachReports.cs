using System.Globalization;
using Humanizer;
using TpmPrep.Content.Scoring;
using TpmPrep.Web.Access;
using TpmPrep.Web.Assessments;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Charts;
using TpmPrep.Web.Data;
using TpmPrep.Web.Progress;

namespace TpmPrep.Web.Coaching;

/// <summary>A strength or gap in a report: the skill area, its figure, and where it comes from.</summary>
public sealed record ReportPoint(string Area, string Figure);

/// <summary>One candidate's printable progress report, inside the scopes they share.</summary>
public sealed record CandidateReport(
    CoachedCandidate Link,
    Dashboard? Dashboard,
    CohortReadiness? Readiness,
    string? RadarSvg,
    string? TrendSvg,
    IReadOnlyList<ReportPoint> Strengths,
    IReadOnlyList<ReportPoint> Gaps,
    IReadOnlyList<AssignmentView> Assignments,
    int Attempts7,
    int Attempts30);

/// <summary>
/// The progress report a coach prints: per candidate, readiness for the target level, the self-assessment radar (with
/// the assessments scope), the trend of graded answers, strengths and gaps, activity and assignments. Every figure
/// is read through the same grant as the coach's pages (so each leaves an access receipt), and nothing outside the
/// current scopes is in it.
/// </summary>
public sealed class CoachReports(CoachLinks links, ProgressService progress, AssessmentService assessments, CoachAssignments assignments, CatalogueProvider catalogue)
{
    /// <summary>At most this many candidates in one print of the cohort (a page of the cohort).</summary>
    public const int CohortPrintSize = CoachingLimits.CohortPageSize;

    /// <summary>The report for one link of the coach; null (a 404) when the link is not the coach's active one.</summary>
    public async Task<CandidateReport?> ForAsync(Viewer coach, int linkId, CancellationToken cancellationToken) =>
        await links.FindAsync(coach, linkId, cancellationToken) is { } link ? await BuildAsync(coach, link, cancellationToken) : null;

    /// <summary>One page of the cohort, each candidate's report in name order.</summary>
    public async Task<(IReadOnlyList<CandidateReport> Reports, int Total)> CohortAsync(Viewer coach, int page, CancellationToken cancellationToken)
    {
        var cohort = await links.CohortAsync(coach, page, CohortSort.Name, cancellationToken);
        var reports = new List<CandidateReport>();
        foreach (var row in cohort.Items)
        {
            if (await links.FindAsync(coach, row.LinkId, cancellationToken) is { } link)
            {
                var report = await BuildAsync(coach, link, cancellationToken);
                reports.Add(report.Readiness is null && row.Readiness is not null ? report with { Readiness = row.Readiness } : report);
            }
        }

        return (reports, cohort.Total);
    }

    /// <summary>The two strongest and two weakest graded skill areas (at least two graded answers each), on the 0-100 scale.</summary>
    public static (IReadOnlyList<ReportPoint> Strengths, IReadOnlyList<ReportPoint> Gaps) StrengthsAndGaps(IReadOnlyList<SkillProgress> skills, IReadOnlyList<AreaResult>? selfAreas, Func<string, string> areaTitle)
    {
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentNullException.ThrowIfNull(areaTitle);
        var graded = skills.Where(s => s.Average is not null && s.Graded >= 2)
            .Select(s => (s.Title, Score: ThreeWayCalibration.Percent(s.Average!.Value, 4), s.Graded))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Title, StringComparer.Ordinal)
            .ToList();
        var strengths = graded.Take(2).Where(s => s.Score >= 50)
            .Select(s => new ReportPoint(s.Title, $"{s.Score:0} of 100 over {"graded answer".ToQuantity(s.Graded)}")).ToList();
        var gaps = graded.AsEnumerable().Reverse().Take(2).Where(s => s.Score < 67 && strengths.All(x => x.Area != s.Title))
            .Select(s => new ReportPoint(s.Title, $"{s.Score:0} of 100 over {"graded answer".ToQuantity(s.Graded)}")).ToList();
        foreach (var area in (selfAreas ?? []).Where(a => a.Label == GapLabel.Gap).OrderByDescending(a => a.Gap).Take(2))
        {
            gaps.Add(new ReportPoint(areaTitle(area.SkillId), $"self-assessed {area.Gap:0} points below the target profile"));
        }

        return (strengths, gaps);
    }

    private async Task<CandidateReport> BuildAsync(Viewer coach, CoachedCandidate link, CancellationToken cancellationToken)
    {
        var current = catalogue.Current;
        Dashboard? dashboard = null;
        string? trend = null;
        CohortReadiness? readiness = null;
        string? radar = null;
        IReadOnlyList<AreaResult>? selfAreas = null;
        var attempts7 = 0;
        var attempts30 = 0;
        if (link.Scopes.HasFlag(CoachScopes.Summary))
        {
            dashboard = await progress.GetAsync(coach, link.CandidateId, cancellationToken);
            trend = TrendChart.Render(
                $"report-trend-{link.LinkId}",
                $"{link.Name}: average rubric score per skill area, month by month",
                dashboard.TrendMonths.Select(m => m.ToString("MMM yy", CultureInfo.InvariantCulture)).ToList(),
                dashboard.Skills.Select(s => new TrendLine(s.Title, s.MonthlyAverages)).ToList(),
                new TrendScale(1, 4, [1, 2, 3, 4]));
            attempts7 = dashboard.DailyCounts.Where(d => d.Key > dashboard.Today.AddDays(-7)).Sum(d => d.Value);
            attempts30 = dashboard.DailyCounts.Where(d => d.Key > dashboard.Today.AddDays(-30)).Sum(d => d.Value);
        }

        if (link.Scopes.HasFlag(CoachScopes.Assessments))
        {
            var history = await assessments.HistoryAsync(coach, link.CandidateId, cancellationToken);
            if (history.Count > 0 && await assessments.ResultAsync(coach, history[^1].Id, current, cancellationToken) is { IsUnreadable: false } result)
            {
                var target = result.Readiness.FirstOrDefault(r => r.LevelId == result.TargetLevelId);
                if (target is not null)
                {
                    readiness = new CohortReadiness(result.TargetLevelId, target.Percent, target.Readiness, result.CompletedUtc);
                }

                selfAreas = result.Areas;
                var level = result.Model.FindLevel(result.TargetLevelId);
                radar = RadarChart.Render(
                    $"report-radar-{link.LinkId}",
                    $"{link.Name}'s self-assessment against the {level?.Title ?? result.TargetLevelId} profile",
                    result.Model.Areas.Select(a => a.Title).ToList(),
                    [
                        new RadarSeries("Target: " + (level?.Title ?? result.TargetLevelId), result.Areas.Select(a => (double)a.Target).ToList(), RadarStyle.DashedSquares),
                        new RadarSeries(link.Name, result.Areas.Select(a => a.Score).ToList(), RadarStyle.SolidFilledCircles),
                    ]);
            }
        }

        var (strengths, gaps) = dashboard is null ? ([], []) : StrengthsAndGaps(dashboard.Skills, selfAreas, current.SkillTitle);
        var assigned = await assignments.ForCoachAsync(coach, link.LinkId, cancellationToken) ?? [];
        return new CandidateReport(link, dashboard, readiness, radar, trend, strengths, gaps, assigned, attempts7, attempts30);
    }
}
