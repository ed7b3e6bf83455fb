using System.Net;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Data;
using TpmPrep.Web.Progress;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Coaching;

/// <summary>Three-way calibration (self-assessment, own grades, coach grades) and the coach's printable reports.</summary>
public sealed class CalibrationAndReportTests
{
    private const string Question = "sd-fleet-update-10000-servers";

    private static readonly DateOnly[] Months = [new(2026, 9, 1), new(2026, 10, 1), new(2026, 11, 1), new(2026, 12, 1)];

    private static DateTime Utc(int month, int day) => new(2026, month, day, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1, 4, 0.0)]
    [InlineData(4, 4, 100.0)]
    [InlineData(2, 3, 50.0)]
    [InlineData(9, 4, 100.0)] // out of range is clamped
    [InlineData(1, 1, 0.0)] // a one-level scale has no spread
    public void ARubricScoreIsPlacedOnTheHundredPointScale(double score, int levels, double expected) =>
        Assert.Equal(expected, ThreeWayCalibration.Percent(score, levels), 3);

    [Fact]
    public void EachLineIsBuiltMonthByMonthAndTheGapsAreRead()
    {
        var view = ThreeWayCalibration.Build(
            Months,
            TimeZoneInfo.Utc,
            [("a", "Area A"), ("b", "Area B"), ("c", "Area C")],
            [new SelfReading(Utc(10, 15), new Dictionary<string, double> { ["a"] = 80, ["b"] = 40 }), new SelfReading(Utc(12, 1), new Dictionary<string, double> { ["a"] = 60 })],
            [(new DateOnly(2026, 10, 1), "a", 2, 6.0), (new DateOnly(2026, 12, 1), "a", 1, 4.0), (new DateOnly(2026, 1, 1), "a", 5, 5.0)],
            [new CoachReading(Utc(10, 20), "a", 50), new CoachReading(Utc(10, 25), "a", 70), new CoachReading(Utc(12, 2), "a", 40), new CoachReading(Utc(3, 1), "a", 0)]);

        var a = view.Areas[0];
        // The self line carries the latest assessment forward; the grade lines are each month's mean.
        Assert.Equal([null, 80, 80, 60], a.Self);
        Assert.Equal([null, 67, null, 100], a.Own);
        Assert.Equal([null, 60, null, 40], a.Coach);
        Assert.Equal(60, a.SelfNow);
        // Own grades over the window: 10 points over 3 grades = 3.33 of 4 = 78 (the January month is outside it).
        Assert.Equal(78, a.OwnNow);
        Assert.Equal(3, a.OwnGraded);
        Assert.Equal(53, a.CoachNow);
        Assert.Equal(3, a.CoachRated);
        Assert.Equal(7, a.SelfOverCoach);
        Assert.Equal(25, a.OwnOverCoach);
        Assert.Equal("close", ThreeWayCalibration.Reading(a.SelfOverCoach));
        Assert.Equal("25 points higher", ThreeWayCalibration.Reading(a.OwnOverCoach));
        Assert.Equal("20 points lower", ThreeWayCalibration.Reading(-20));
        Assert.Equal("", ThreeWayCalibration.Reading(null));

        var b = view.Areas[1];
        Assert.Equal([null, 40, 40, 40], b.Self);
        Assert.Null(b.CoachNow);
        Assert.Null(b.SelfOverCoach);
        Assert.All(view.Areas[2].Self, v => Assert.Null(v));
        Assert.True(view.IncludesSelf);
        Assert.True(view.HasAnything);
    }

    [Fact]
    public void WithoutTheSelfAssessmentsThereIsNoSelfLine()
    {
        var view = ThreeWayCalibration.Build(Months, TimeZoneInfo.Utc, [("a", "Area A")], null, [], []);
        Assert.False(view.IncludesSelf);
        Assert.False(view.HasAnything);
        Assert.All(view.Areas[0].Self, v => Assert.Null(v));
    }

    [Fact]
    public void AMonthIsTheCandidatesOwn()
    {
        // 23:30 UTC on 30 November is already December in Tokyo.
        var tokyo = TpmPrep.Web.Accounts.UserClock.Find("Asia/Tokyo");
        var view = ThreeWayCalibration.Build(Months, tokyo, [("a", "A")], [], [], [new CoachReading(new DateTime(2026, 11, 30, 23, 30, 0, DateTimeKind.Utc), "a", 100)]);
        Assert.Equal([null, null, null, 100], view.Areas[0].Coach);
    }

    [Fact]
    public void StrengthsAndGapsComeFromTheGradedAreasAndTheSelfAssessment()
    {
        IReadOnlyList<SkillProgress> skills =
        [
            new("a", "Area A", 3.7, 5, []),
            new("b", "Area B", 1.6, 4, []),
            new("c", "Area C", 3.1, 3, []),
            new("d", "Area D", 4.0, 1, []), // one grade is not enough
            new("e", "Area E", null, 0, []),
        ];
        var (strengths, gaps) = CoachReports.StrengthsAndGaps(skills, null, id => id);
        Assert.Equal(["Area A", "Area C"], strengths.Select(s => s.Area));
        Assert.Equal("90 of 100 over 5 graded answers", strengths[0].Figure);
        Assert.Equal(["Area B"], gaps.Select(g => g.Area));
        Assert.Equal("20 of 100 over 4 graded answers", gaps[0].Figure);
    }

    [Fact]
    public async Task TheCandidateAndTheCoachSeeTheThreeReadingsSideBySide()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        var attemptId = await candidate.AnswerAsync(Question, "An answer to calibrate");
        var criteria = (await candidate.GetHtmlAsync($"/attempts/{attemptId}/grade")).Split("<fieldset>").Length - 1;
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync($"/attempts/{attemptId}/grade", Enumerable.Range(0, criteria).ToDictionary(c => $"Input.Scores[{c}]", _ => "4"))).StatusCode);
        string skillId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            skillId = (await db.Attempts.AsNoTracking().Select(a => a.SkillId).SingleAsync())!;
            var userId = await db.Users.Where(u => u.Email == "cara@example.com").Select(u => u.Id).SingleAsync();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            db.Assessments.Add(new Assessment
            {
                UserId = userId,
                TargetLevelId = "senior-tpm",
                StartedUtc = now,
                UpdatedUtc = now,
                CompletedUtc = now,
                AreaScores = [new AssessmentAreaScore { SkillId = skillId, Score = 90, Target = 80 }],
            });
            await db.SaveChangesAsync();
        }

        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        var linkId = await CoachingTests.AcceptAsync(coach, await CoachingTests.InviteAsync(candidate, "1", "2", "4"));
        var page = $"/coach/candidates/{linkId}/attempts/{attemptId}";
        var fields = Enumerable.Range(0, criteria).Select(i => new KeyValuePair<string, string>($"Scores[{i}]", "2")).ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFieldsAsync($"{page}/rate", fields)).StatusCode);

        // The candidate: self 90, own grades 100 (all 4s), coach 33 (all 2s): both well above the coach.
        var mine = WebUtility.HtmlDecode(await candidate.GetHtmlAsync("/progress/calibration"));
        var row = RowOf(mine);
        Assert.Contains("<td>90</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td>100 <span class=\"muted small\">(1 grade)</span></td>", row, StringComparison.Ordinal);
        Assert.Contains("<td>33 <span class=\"muted small\">(1 answer)</span></td>", row, StringComparison.Ordinal);
        Assert.Contains("<td>57 points higher</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td>67 points higher</td>", row, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart trend\"", mine, StringComparison.Ordinal);
        Assert.Contains("/progress/calibration", await candidate.GetHtmlAsync("/progress"), StringComparison.Ordinal);

        // The coach, on the candidate's page: the same three, the coach's own grades named as theirs.
        var theirs = WebUtility.HtmlDecode(await coach.GetHtmlAsync($"/coach/candidates/{linkId}"));
        Assert.Contains("<th scope=\"col\">Your grades</th>", theirs, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Self-assessment</th>", theirs, StringComparison.Ordinal);
        Assert.Contains("<td>57 points higher</td>", RowOf(theirs), StringComparison.Ordinal);
        // Without the assessments scope the self line goes; without the summary the calibration goes.
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFieldsAsync("/coaching", [new("scope", "1"), new("scope", "2")], $"/coaching?handler=Scopes&linkId={linkId}")).StatusCode);
        var narrowed = WebUtility.HtmlDecode(await coach.GetHtmlAsync($"/coach/candidates/{linkId}"));
        Assert.Contains("<th scope=\"col\">Your grades</th>", narrowed, StringComparison.Ordinal);
        Assert.DoesNotContain("<th scope=\"col\">Self-assessment</th>", narrowed, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>90</td>", RowOf(narrowed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFieldsAsync("/coaching", [new("scope", "2")], $"/coaching?handler=Scopes&linkId={linkId}")).StatusCode);
        Assert.DoesNotContain("id=\"calibration3-heading\"", await coach.GetHtmlAsync($"/coach/candidates/{linkId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReportShowsOnlyWhatIsSharedAndTheCohortPrintsEveryone()
    {
        using var factory = new TpmPrepFactory();
        using var cara = await AppClient.RegisteredAsync(factory, "cara@example.com");
        using var dev = await AppClient.RegisteredAsync(factory, "dev@example.com");
        await cara.AnswerAsync(Question, "reported answer");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var userId = await db.Users.Where(u => u.Email == "cara@example.com").Select(u => u.Id).SingleAsync();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            db.Assessments.Add(new Assessment { UserId = userId, TargetLevelId = "senior-tpm", StartedUtc = now, UpdatedUtc = now, CompletedUtc = now, ModelSnapshot = "" });
            await db.SaveChangesAsync();
        }

        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        var caraLink = await CoachingTests.AcceptAsync(coach, await CoachingTests.InviteAsync(cara, "1", "2", "4"));
        var devLink = await CoachingTests.AcceptAsync(coach, await CoachingTests.InviteAsync(dev, "2"));
        var page = $"/coach/candidates/{caraLink}";
        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFormAsync(page, AssignmentsTests.Assign("reported-assignment", AssignmentsTests.Due(factory, 2), null), page + "?handler=Assign")).StatusCode);

        var report = WebUtility.HtmlDecode(await coach.GetHtmlAsync($"{page}/report"));
        Assert.Contains("Progress report: Test Person", report, StringComparison.Ordinal);
        Assert.Contains("1 attempt in the last 7 days, 1 in the last 30", report, StringComparison.Ordinal);
        Assert.Contains("reported-assignment", report, StringComparison.Ordinal);
        Assert.Contains("not started (0 of 2)", report, StringComparison.Ordinal);
        Assert.Contains("data-print", report, StringComparison.Ordinal);

        // A candidate who shares only attempts: no activity, no readiness, no status of assignments.
        var devReport = WebUtility.HtmlDecode(await coach.GetHtmlAsync($"/coach/candidates/{devLink}/report"));
        Assert.Contains("does not share their summary", devReport, StringComparison.Ordinal);
        Assert.DoesNotContain("in the last 7 days", devReport, StringComparison.Ordinal);

        var cohort = WebUtility.HtmlDecode(await coach.GetHtmlAsync("/coach/report"));
        Assert.Equal(2, cohort.Split("<article class=\"report\"").Length - 1);
        Assert.Contains("2 candidates, by name", cohort, StringComparison.Ordinal);
        Assert.Contains("/coach/report", await coach.GetHtmlAsync("/coach"), StringComparison.Ordinal);

        // Each read leaves a receipt for the candidate.
        using (var scope = factory.Services.CreateScope())
        {
            var kinds = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AccessReceipts.AsNoTracking().Select(r => r.Kind).Distinct().ToListAsync();
            Assert.Contains(RecordKindOf("Progress"), kinds);
            Assert.Contains(RecordKindOf("Assessment"), kinds);
        }

        // Not a coach: refused; after a revoke: a 404.
        Assert.Contains("/account/access-denied", (await cara.Http.GetAsync("/coach/report")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await cara.PostFormAsync("/coaching", new(), $"/coaching?handler=Revoke&linkId={caraLink}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Http.GetAsync($"{page}/report")).StatusCode);
        Assert.Equal(1, WebUtility.HtmlDecode(await coach.GetHtmlAsync("/coach/report")).Split("<article class=\"report\"").Length - 1);
    }

    [Fact]
    public async Task TheCoachOpensSelfAssessmentResultsOnlyWhileTheyAreShared()
    {
        using var factory = new TpmPrepFactory();
        var catalogue = factory.Services.GetRequiredService<TpmPrep.Web.Catalogue.CatalogueProvider>().Current;
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        using var other = await AppClient.RegisteredAsync(factory, "other@example.com");
        var assessmentId = await Pages.Assessment.SelfAssessmentIsSavedResumedScoredAndPrivate.CompleteAsync(candidate, catalogue, "tpm", _ => "4");
        var othersId = await Pages.Assessment.SelfAssessmentIsSavedResumedScoredAndPrivate.CompleteAsync(other, catalogue, "tpm", _ => "2");
        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        var linkId = await CoachingTests.AcceptAsync(coach, await CoachingTests.InviteAsync(candidate, "1", "4"));
        // The other candidate shares their assessments with the same coach: their id still belongs under their own link only.
        await CoachingTests.AcceptAsync(coach, await CoachingTests.InviteAsync(other, "1", "4"));
        var page = $"/coach/candidates/{linkId}";

        var candidatePage = WebUtility.HtmlDecode(await coach.GetHtmlAsync(page));
        Assert.Contains($"{page}/assessments/{assessmentId}\"", candidatePage, StringComparison.Ordinal);
        var result = WebUtility.HtmlDecode(await coach.GetHtmlAsync($"{page}/assessments/{assessmentId}"));
        Assert.Contains("Test Person's self-assessment", result, StringComparison.Ordinal);
        Assert.Contains("By their own rating, Test Person is", result, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart radar\"", result, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Http.GetAsync($"{page}/assessments/{othersId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Http.GetAsync($"{page}/assessments/999999")).StatusCode);
        var report = WebUtility.HtmlDecode(await coach.GetHtmlAsync($"{page}/report"));
        Assert.Contains("<svg class=\"chart radar\"", report, StringComparison.Ordinal);
        Assert.Contains("%</strong> of the", report, StringComparison.Ordinal);
        using (var scope = factory.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().AccessReceipts.AnyAsync(r => r.Kind == TpmPrep.Web.Access.RecordKind.Assessment));
        }

        // Narrowed to the summary: the results page is a 404, the list and the radar go.
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFieldsAsync("/coaching", [new("scope", "1")], $"/coaching?handler=Scopes&linkId={linkId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Http.GetAsync($"{page}/assessments/{assessmentId}")).StatusCode);
        Assert.DoesNotContain("/assessments/", await coach.GetHtmlAsync(page), StringComparison.Ordinal);
        Assert.DoesNotContain("chart radar", await coach.GetHtmlAsync($"{page}/report"), StringComparison.Ordinal);
        // A candidate cannot open the coach's page, and after a revoke neither can the coach.
        Assert.Contains("/account/access-denied", (await candidate.Http.GetAsync($"{page}/assessments/{assessmentId}")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/coaching", new(), $"/coaching?handler=Revoke&linkId={linkId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Http.GetAsync($"{page}/assessments/{assessmentId}")).StatusCode);
    }

    private static TpmPrep.Web.Access.RecordKind RecordKindOf(string name) => Enum.Parse<TpmPrep.Web.Access.RecordKind>(name);

    /// <summary>The calibration table's row that has figures (the attempt's skill area).</summary>
    private static string RowOf(string html)
    {
        var table = html[html.IndexOf("Three-way calibration per skill area", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        return table.Split("<tr>").Where(r => r.Contains("points", StringComparison.Ordinal) || r.Contains("<td>90</td>", StringComparison.Ordinal)).DefaultIfEmpty("").First();
    }
}
