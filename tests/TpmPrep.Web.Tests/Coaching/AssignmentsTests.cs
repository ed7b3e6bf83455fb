using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Data;
using TpmPrep.Web.Kits;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Coaching;

/// <summary>Assignments from a coach: their status in neutral words, where the candidate sees them, the cohort's overdue column, and every refusal.</summary>
public sealed class AssignmentsTests
{
    [Theory]
    [InlineData(3, 0, false, false, AssignmentStatus.NotStarted)]
    [InlineData(3, 0, true, false, AssignmentStatus.InProgress)] // a session opened, nothing answered yet
    [InlineData(3, 1, false, false, AssignmentStatus.InProgress)]
    [InlineData(3, 3, false, false, AssignmentStatus.Done)]
    [InlineData(3, 3, false, true, AssignmentStatus.Done)] // done late is still done
    [InlineData(3, 2, true, true, AssignmentStatus.PastDue)]
    [InlineData(3, 0, false, true, AssignmentStatus.PastDue)]
    [InlineData(0, 0, false, false, AssignmentStatus.NotStarted)] // no question left: never "done" by default
    public void TheStatusFollowsTheAnswersAndTheDueInstant(int total, int answered, bool started, bool late, AssignmentStatus expected)
    {
        var due = new DateTime(2026, 12, 10, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(expected, CoachAssignments.StatusOf(total, answered, started, due, late ? due.AddSeconds(1) : due.AddSeconds(-1)));
    }

    [Fact]
    public void TheDueDayEndsAtMidnightInTheCandidatesZone()
    {
        var tokyo = UserClock.Find("Asia/Tokyo");
        Assert.Equal(new DateTime(2026, 12, 10, 15, 0, 0, DateTimeKind.Utc), CoachAssignments.DueInstant(new DateOnly(2026, 12, 10), tokyo));
        Assert.Equal(new DateTime(2026, 12, 11, 0, 0, 0, DateTimeKind.Utc), CoachAssignments.DueInstant(new DateOnly(2026, 12, 10), TimeZoneInfo.Utc));
        Assert.Equal("past due", CoachAssignments.StatusName(AssignmentStatus.PastDue));
        Assert.Equal("not started", CoachAssignments.StatusName(AssignmentStatus.NotStarted));
    }

    [Fact]
    public async Task ACoachAssignsASetTheCandidateStartsItAndItIsDoneWhenEveryQuestionHasAnAnswer()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        var linkId = await CoachingTests.AcceptAsync(coach, await CoachingTests.InviteAsync(candidate, "1"));
        var (setId, questions) = await SetOfAsync(factory, "coach@example.com", 2);
        // An answer given before the assignment does not count towards it.
        await candidate.AnswerAsync(questions[0], "before it was assigned");

        var page = $"/coach/candidates/{linkId}";
        Assert.Contains("the same builder makes question sets to assign", WebUtility.HtmlDecode(await coach.GetHtmlAsync("/kits")), StringComparison.Ordinal);
        var assigned = await coach.PostFormAsync(page, Assign("Warm-up set", Due(factory, 3), setId), page + "?handler=Assign");
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var coachView = WebUtility.HtmlDecode(await coach.GetHtmlAsync(page));
        Assert.Contains("Warm-up set", coachView, StringComparison.Ordinal);
        Assert.Contains(">not started</span>", coachView, StringComparison.Ordinal);
        Assert.Contains("0 of 2 answered", coachView, StringComparison.Ordinal);

        // On the dashboard and the practice page.
        foreach (var where in new[] { "/progress", "/practice" })
        {
            var seen = WebUtility.HtmlDecode(await candidate.GetHtmlAsync(where));
            Assert.Contains("Assigned by your coach", seen, StringComparison.Ordinal);
            Assert.Contains("Warm-up set", seen, StringComparison.Ordinal);
            Assert.Contains("from Test Person · mock interview · 2 questions · due <time", seen, StringComparison.Ordinal);
        }

        int assignmentId;
        using (var scope = factory.Services.CreateScope())
        {
            assignmentId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().CoachAssignments.Select(a => a.Id).SingleAsync();
        }

        // Started: a mock interview of its two questions, in the set's order; starting again continues the same session.
        var started = await candidate.PostFormAsync("/practice", new(), $"/practice?handler=Assignment&assignmentId={assignmentId}");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var session = started.Headers.Location!.OriginalString;
        Assert.Equal(session, (await candidate.PostFormAsync("/practice", new(), $"/practice?handler=Assignment&assignmentId={assignmentId}")).Headers.Location!.OriginalString);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var made = await db.PracticeSessions.AsNoTracking().Include(s => s.Items).SingleAsync();
            Assert.Equal(SessionMode.MockInterview, made.Mode);
            Assert.Equal(questions, made.Items.OrderBy(i => i.Position).Select(i => i.QuestionId).ToList());
        }

        await candidate.AnswerAsync(questions[0], "first since assigned");
        Assert.Contains("1 of 2 answered", await coach.GetHtmlAsync(page), StringComparison.Ordinal);
        Assert.Contains(">in progress</span>", await candidate.GetHtmlAsync("/progress"), StringComparison.Ordinal);
        await candidate.AnswerAsync(questions[1], "second since assigned");
        var done = await coach.GetHtmlAsync(page);
        Assert.Contains(">done</span>", done, StringComparison.Ordinal);
        Assert.Contains("2 of 2 answered", done, StringComparison.Ordinal);
        // Done: no start button any more.
        Assert.DoesNotContain("handler=Assignment", await candidate.GetHtmlAsync("/practice"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APastDueAssignmentShowsInTheCohortAndAsAFlag()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        var linkId = await CoachingTests.AcceptAsync(coach, await CoachingTests.InviteAsync(candidate, "1"));
        var page = $"/coach/candidates/{linkId}";
        var drawn = new Dictionary<string, string>
        {
            ["Assign.Title"] = "Three on risk",
            ["Assign.SkillId"] = "risk-management",
            ["Assign.Count"] = "3",
            ["Assign.Mode"] = "Practice",
            ["Assign.Due"] = Due(factory, 0),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFormAsync(page, drawn, page + "?handler=Assign")).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().CoachAssignments.AsNoTracking().SingleAsync();
            var catalogue = scope.ServiceProvider.GetRequiredService<CatalogueProvider>().Current;
            var ids = stored.QuestionIds.Split(',');
            Assert.Equal(3, ids.Length);
            Assert.All(ids, id => Assert.Contains("risk-management", catalogue.FindQuestion(id)!.Skills));
        }

        var cohort = await coach.GetHtmlAsync("/coach");
        Assert.Contains("sort=overdue", cohort, StringComparison.Ordinal);
        Assert.DoesNotContain("assignment overdue", cohort, StringComparison.Ordinal);

        // Two days on, the due day has ended unanswered.
        factory.Clock.Advance(TimeSpan.FromDays(2));
        var late = await coach.GetHtmlAsync("/coach?sort=overdue");
        Assert.Contains("assignment overdue", late, StringComparison.Ordinal);
        Assert.Contains(">past due</span>", await coach.GetHtmlAsync(page), StringComparison.Ordinal);
        Assert.Contains(">past due</span>", await candidate.GetHtmlAsync("/practice"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInputIsSaidBesideItsFieldAndTheTitleIsKept()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        var linkId = await CoachingTests.AcceptAsync(coach, await CoachingTests.InviteAsync(candidate, "1"));
        var page = $"/coach/candidates/{linkId}";

        var past = await coach.PostFormAsync(page, Assign("kept-title-text", Due(factory, -1), null), page + "?handler=Assign");
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        var html = WebUtility.HtmlDecode(await past.Content.ReadAsStringAsync());
        Assert.Contains("The due day has passed", html, StringComparison.Ordinal);
        Assert.Contains("value=\"kept-title-text\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Due(factory, -1)}\"", html, StringComparison.Ordinal);

        var tooMany = await coach.PostFormAsync(page, new() { ["Assign.Title"] = "x", ["Assign.Count"] = "500", ["Assign.Due"] = Due(factory, 2) }, page + "?handler=Assign");
        Assert.Contains("Ask for 1 to 20 questions.", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var noTitle = await coach.PostFormAsync(page, new() { ["Assign.Title"] = " ", ["Assign.Due"] = Due(factory, 2) }, page + "?handler=Assign");
        Assert.Contains("Give the assignment a title", await noTitle.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var longTitle = await coach.PostFormAsync(page, new() { ["Assign.Title"] = new string('t', 201), ["Assign.Due"] = Due(factory, 2) }, page + "?handler=Assign");
        Assert.Contains("at most 200 characters; this one has 201", await longTitle.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var farOff = await coach.PostFormAsync(page, Assign("far", Due(factory, 400), null), page + "?handler=Assign");
        Assert.Contains("within a year", await farOff.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknownSkill = await coach.PostFormAsync(page, new() { ["Assign.Title"] = "x", ["Assign.SkillId"] = "nope", ["Assign.Due"] = Due(factory, 2) }, page + "?handler=Assign");
        Assert.Contains("Choose a skill area from the list.", await unknownSkill.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notADate = await coach.PostFormAsync(page, new() { ["Assign.Title"] = "x", ["Assign.Due"] = "31/31/2026" }, page + "?handler=Assign");
        Assert.Contains("Choose the day it is due.", await notADate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().CoachAssignments.CountAsync());
    }

    [Fact]
    public async Task EveryAssignmentHandlerRefusesWithoutALinkAndAfterARevoke()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        using var stranger = await AppClient.RegisteredAsync(factory, "stranger@example.com", "Coach");
        using var other = await AppClient.RegisteredAsync(factory, "other@example.com");
        var linkId = await CoachingTests.AcceptAsync(coach, await CoachingTests.InviteAsync(candidate, "1"));
        var page = $"/coach/candidates/{linkId}";
        var (strangersSet, _) = await SetOfAsync(factory, "stranger@example.com", 1);

        // Another coach's set is not the coach's to assign.
        var foreignSet = await coach.PostFormAsync(page, Assign("theirs", Due(factory, 2), strangersSet), page + "?handler=Assign");
        Assert.Contains("Choose one of your question sets.", await foreignSet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFormAsync(page, Assign("assigned-to-cara", Due(factory, 2), null), page + "?handler=Assign")).StatusCode);
        int assignmentId;
        using (var scope = factory.Services.CreateScope())
        {
            assignmentId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().CoachAssignments.Select(a => a.Id).SingleAsync();
        }

        // A coach without the link, and a candidate who is not the assignee, get a 404 from every handler.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostFormAsync("/coach", Assign("sneaky", Due(factory, 2), null), page + "?handler=Assign")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostFormAsync("/coach", new(), $"{page}?handler=Withdraw&assignmentId={assignmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"{page}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/practice", new(), $"/practice?handler=Assignment&assignmentId={assignmentId}")).StatusCode);
        Assert.DoesNotContain("assigned-to-cara", await other.GetHtmlAsync("/practice"), StringComparison.Ordinal);

        // After a revoke: the coach can neither assign nor withdraw, and the candidate's list drops the ended link's assignments.
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/coaching", new(), $"/coaching?handler=Revoke&linkId={linkId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.PostFormAsync("/coach", Assign("after", Due(factory, 2), null), page + "?handler=Assign")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.PostFormAsync("/coach", new(), $"{page}?handler=Withdraw&assignmentId={assignmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Http.GetAsync($"{page}/report")).StatusCode);
        Assert.DoesNotContain("Assigned by your coach", await candidate.GetHtmlAsync("/practice"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await candidate.PostFormAsync("/practice", new(), $"/practice?handler=Assignment&assignmentId={assignmentId}")).StatusCode);
    }

    [Fact]
    public async Task ACoachWithdrawsAnAssignment()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        var linkId = await CoachingTests.AcceptAsync(coach, await CoachingTests.InviteAsync(candidate, "1"));
        var page = $"/coach/candidates/{linkId}";
        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFormAsync(page, Assign("withdrawn-title", Due(factory, 2), null), page + "?handler=Assign")).StatusCode);
        int assignmentId;
        using (var scope = factory.Services.CreateScope())
        {
            assignmentId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().CoachAssignments.Select(a => a.Id).SingleAsync();
        }

        Assert.Contains("withdrawn-title", await candidate.GetHtmlAsync("/progress"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFormAsync(page, new(), $"{page}?handler=Withdraw&assignmentId={assignmentId}")).StatusCode);
        Assert.DoesNotContain("withdrawn-title", await candidate.GetHtmlAsync("/progress"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.PostFormAsync(page, new(), $"{page}?handler=Withdraw&assignmentId={assignmentId}")).StatusCode);
    }

    internal static Dictionary<string, string> Assign(string title, string due, int? setId) => new()
    {
        ["Assign.Title"] = title,
        ["Assign.SetId"] = setId?.ToString(CultureInfo.InvariantCulture) ?? "",
        ["Assign.Mode"] = "MockInterview",
        ["Assign.Count"] = "2",
        ["Assign.Due"] = due,
    };

    /// <summary>A day <paramref name="days"/> from today (UTC: the test users' zone), as the date field sends it.</summary>
    internal static string Due(TpmPrepFactory factory, int days) =>
        DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A question set of <paramref name="count"/> bank questions owned by the user with this e-mail.</summary>
    internal static async Task<(int Id, IReadOnlyList<string> Questions)> SetOfAsync(TpmPrepFactory factory, string email, int count)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ownerId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var catalogue = scope.ServiceProvider.GetRequiredService<CatalogueProvider>().Current;
        var questions = catalogue.Questions.OrderBy(q => q.Id, StringComparer.Ordinal).Take(count).Select(q => q.Id).ToList();
        var viewer = new Viewer(ownerId, new HashSet<string>(StringComparer.Ordinal) { AppRoles.Coach });
        var made = await scope.ServiceProvider.GetRequiredService<KitService>()
            .CreateAsync(viewer, ownerId, new KitDetails("Set " + email, null, ["communication"], ""), questions, CancellationToken.None);
        Assert.True(made.Id is not null, string.Join("; ", made.Problems.Select(p => p.Message)));
        return (made.Id!.Value, questions);
    }
}
