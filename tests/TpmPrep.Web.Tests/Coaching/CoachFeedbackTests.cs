using System.Net;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Data;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Coaching;

/// <summary>Comments, replies, unread markers, resolving and the coach's grade, over HTTP on a real database.</summary>
public sealed class CoachFeedbackTests
{
    private const string Question = "sd-fleet-update-10000-servers";

    [Fact]
    public async Task ACoachCommentsOnACriterionTheCandidateRepliesAndBothSeeTheGrades()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        var attemptId = await candidate.AnswerAsync(Question, "Waves behind health gates");
        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        var linkId = await CoachingTests.AcceptAsync(coach, await CoachingTests.InviteAsync(candidate, "1", "2"));
        var page = $"/coach/candidates/{linkId}/attempts/{attemptId}";

        // Pinned to the second criterion; raw HTML and a script link are not rendered.
        var comment = await coach.PostFormAsync(page, new() { ["criterion"] = "1", ["body"] = "Name the **rollback trigger**. <script>alert(1)</script> [x](javascript:alert(1))" }, page + "?handler=Comment");
        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);
        var coachView = await coach.GetHtmlAsync(page);
        Assert.Contains("<strong>rollback trigger</strong>", coachView, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", coachView, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", coachView, StringComparison.Ordinal);

        // The candidate sees a marker on the list, the comment on its criterion, and the marker goes once read.
        Assert.Contains("1 new comment", await candidate.GetHtmlAsync("/attempts"), StringComparison.Ordinal);
        var details = WebUtility.HtmlDecode(await candidate.GetHtmlAsync($"/attempts/{attemptId}"));
        Assert.Contains("Comments from your coach", details, StringComparison.Ordinal);
        Assert.Contains("<strong>rollback trigger</strong>", details, StringComparison.Ordinal);
        Assert.Contains("1 new</span>", details, StringComparison.Ordinal);
        string criterion;
        using (var scope = factory.Services.CreateScope())
        {
            criterion = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().CommentThreads.AsNoTracking().SingleAsync()).Criterion!;
        }

        Assert.Contains($"On \u201c{criterion}\u201d", details, StringComparison.Ordinal);
        Assert.DoesNotContain("new comment", await candidate.GetHtmlAsync("/attempts"), StringComparison.Ordinal);
        Assert.DoesNotContain("1 new</span>", await candidate.GetHtmlAsync($"/attempts/{attemptId}"), StringComparison.Ordinal);

        // The candidate replies: the coach's list marks it until the coach opens the attempt.
        var threadId = await ThreadIdAsync(factory);
        var reply = await candidate.PostFormAsync($"/attempts/{attemptId}", new() { ["threadId"] = $"{threadId}", ["body"] = "I would roll back at a 1% error rate." }, $"/attempts/{attemptId}?handler=Reply");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        Assert.Contains("1 new reply", await coach.GetHtmlAsync($"/coach/candidates/{linkId}/attempts"), StringComparison.Ordinal);
        Assert.Contains("1% error rate", await coach.GetHtmlAsync(page), StringComparison.Ordinal);
        Assert.DoesNotContain("new reply", await coach.GetHtmlAsync($"/coach/candidates/{linkId}/attempts"), StringComparison.Ordinal);

        // Either side resolves; a reply opens it again.
        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFormAsync(page, new(), $"{page}?handler=Resolve&threadId={threadId}&resolved=true")).StatusCode);
        Assert.Contains(">resolved</span>", await candidate.GetHtmlAsync($"/attempts/{attemptId}"), StringComparison.Ordinal);

        // The coach grades on the rubric; the candidate sees both grades, and the coach's does not touch theirs.
        var criteria = await CriteriaAsync(coach, $"{page}/rate");
        var scores = Enumerable.Range(0, criteria).Select(i => new KeyValuePair<string, string>($"Scores[{i}]", "3")).ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFieldsAsync($"{page}/rate", scores)).StatusCode);
        var withGrades = await candidate.GetHtmlAsync($"/attempts/{attemptId}");
        Assert.Contains("Test Person (coach)", WebUtility.HtmlDecode(withGrades), StringComparison.Ordinal);
        Assert.Contains("Test Person's average <span class=\"score-pill\">3.0</span>", WebUtility.HtmlDecode(withGrades), StringComparison.Ordinal);
        Assert.Contains(">Grade it</a>", await candidate.GetHtmlAsync("/attempts"), StringComparison.Ordinal);
        // A score off the scale is refused with the criterion named.
        var bad = await coach.PostFieldsAsync($"{page}/rate", scores.Select((s, i) => i == 0 ? new KeyValuePair<string, string>(s.Key, "9") : s));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Pick a score from 1 to", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOverLongCommentIsRefusedWithTheLimitAndTheTextKept()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        var attemptId = await candidate.AnswerAsync(Question);
        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        var linkId = await CoachingTests.AcceptAsync(coach, await CoachingTests.InviteAsync(candidate, "1", "2"));
        var page = $"/coach/candidates/{linkId}/attempts/{attemptId}";

        var text = "keep-this-" + new string('x', CoachingLimits.CommentLength);
        var refused = await coach.PostFormAsync(page, new() { ["criterion"] = "0", ["body"] = text }, page + "?handler=Comment");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"at most {CoachingLimits.CommentLength:N0} characters; this one has {text.Length:N0}", html, StringComparison.Ordinal);
        Assert.Contains(text + "</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"0\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await coach.PostFormAsync(page, new() { ["criterion"] = "-1", ["body"] = "  " }, page + "?handler=Comment")).StatusCode);
        // A criterion the rubric does not have is refused too.
        Assert.Equal(HttpStatusCode.OK, (await coach.PostFormAsync(page, new() { ["criterion"] = "99", ["body"] = "fine" }, page + "?handler=Comment")).StatusCode);
        using var scope = factory.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().CommentThreads.CountAsync());
    }

    [Fact]
    public async Task EveryFeedbackHandlerRefusesWithoutALinkOutsideTheScopeAndAfterARevoke()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        var attemptId = await candidate.AnswerAsync(Question);
        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        using var stranger = await AppClient.RegisteredAsync(factory, "stranger@example.com", "Coach");
        using var summaryOnly = await AppClient.RegisteredAsync(factory, "summary@example.com", "Coach");
        var linkId = await CoachingTests.AcceptAsync(coach, await CoachingTests.InviteAsync(candidate, "1", "2"));
        var summaryLink = await CoachingTests.AcceptAsync(summaryOnly, await CoachingTests.InviteAsync(candidate, "1"));
        var page = $"/coach/candidates/{linkId}/attempts/{attemptId}";
        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFormAsync(page, new() { ["criterion"] = "-1", ["body"] = "first" }, page + "?handler=Comment")).StatusCode);
        var threadId = await ThreadIdAsync(factory);
        var criteria = await CriteriaAsync(coach, $"{page}/rate");
        var scores = Enumerable.Range(0, criteria).ToDictionary(i => $"Scores[{i}]", _ => "2");

        async Task AllRefusedAsync(AppClient who, int link)
        {
            var at = $"/coach/candidates/{link}/attempts/{attemptId}";
            Assert.Equal(HttpStatusCode.NotFound, (await who.Http.GetAsync(at)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await who.Http.GetAsync(at + "/rate")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await who.PostFormAsync("/coach", new() { ["criterion"] = "-1", ["body"] = "sneaky" }, at + "?handler=Comment")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await who.PostFormAsync("/coach", new() { ["threadId"] = $"{threadId}", ["body"] = "sneaky" }, at + "?handler=Reply")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await who.PostFormAsync("/coach", new(), $"{at}?handler=Resolve&threadId={threadId}&resolved=true")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await who.PostFormAsync("/coach", scores, at + "/rate")).StatusCode);
        }

        await AllRefusedAsync(stranger, linkId);
        await AllRefusedAsync(summaryOnly, summaryLink);
        // Nor may the coach answer on the candidate's own page, or another coach reach this one's thread through their own link.
        Assert.Equal(HttpStatusCode.NotFound, (await coach.PostFormAsync("/coach", new() { ["threadId"] = $"{threadId}", ["body"] = "x" }, $"/attempts/{attemptId}?handler=Reply")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/coaching", new(), $"/coaching?handler=Revoke&linkId={linkId}")).StatusCode);
        await AllRefusedAsync(coach, linkId);

        // The comment stays with the candidate, who can still read it.
        Assert.Contains("first", await candidate.GetHtmlAsync($"/attempts/{attemptId}"), StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.ThreadComments.CountAsync());
        Assert.Null((await db.CommentThreads.SingleAsync()).ResolvedUtc);
        Assert.Equal(0, await db.AttemptScores.CountAsync(s => s.GraderRole == GraderRole.Coach));
    }

    [Fact]
    public async Task CommentsAndCoachGradesTravelInTheExportAndComeBackWithTheImport()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        var attemptId = await candidate.AnswerAsync(Question, "Waves behind health gates");
        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        var linkId = await CoachingTests.AcceptAsync(coach, await CoachingTests.InviteAsync(candidate, "1", "2"));
        var page = $"/coach/candidates/{linkId}/attempts/{attemptId}";
        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFormAsync(page, new() { ["criterion"] = "0", ["body"] = "exported-comment" }, page + "?handler=Comment")).StatusCode);
        var threadId = await ThreadIdAsync(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync($"/attempts/{attemptId}", new() { ["threadId"] = $"{threadId}", ["body"] = "exported-reply" }, $"/attempts/{attemptId}?handler=Reply")).StatusCode);
        var criteria = await CriteriaAsync(coach, $"{page}/rate");
        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFieldsAsync($"{page}/rate", Enumerable.Range(0, criteria).Select(i => new KeyValuePair<string, string>($"Scores[{i}]", "4")))).StatusCode);

        var export = await candidate.Http.GetByteArrayAsync("/account/data?handler=Json");
        var json = System.Text.Encoding.UTF8.GetString(export);
        Assert.Contains("\"version\": 4", json, StringComparison.Ordinal);
        Assert.Contains("exported-comment", json, StringComparison.Ordinal);
        Assert.Contains("exported-reply", json, StringComparison.Ordinal);
        Assert.Contains("\"coachGrades\"", json, StringComparison.Ordinal);

        // Into a new account: the threads and the coach's grade come back on the attempt, read already.
        using var copy = await AppClient.RegisteredAsync(factory, "copy@example.com");
        var result = await TpmPrep.Web.Tests.Pages.Account.OwningYourData.ImportAndWaitAsync(copy, export);
        Assert.Contains("Imported 1 attempt", result, StringComparison.Ordinal);
        int copied;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var copyId = await db.Users.Where(u => u.Email == "copy@example.com").Select(u => u.Id).SingleAsync();
            copied = await db.Attempts.Where(a => a.UserId == copyId).Select(a => a.Id).SingleAsync();
            Assert.Equal(2, await db.ThreadComments.CountAsync(c => db.CommentThreads.Any(t => t.Id == c.ThreadId && t.CandidateId == copyId && c.SeenUtc != null)));
            Assert.Null(await db.CommentThreads.Where(t => t.CandidateId == copyId).Select(t => t.CoachId).SingleAsync());
        }

        var details = WebUtility.HtmlDecode(await copy.GetHtmlAsync($"/attempts/{copied}"));
        Assert.Contains("exported-comment", details, StringComparison.Ordinal);
        Assert.Contains("exported-reply", details, StringComparison.Ordinal);
        Assert.Contains("Test Person's average <span class=\"score-pill\">4.0</span>", details, StringComparison.Ordinal);
        Assert.DoesNotContain("new comment", await copy.GetHtmlAsync("/attempts"), StringComparison.Ordinal);
    }

    private static async Task<int> ThreadIdAsync(TpmPrepFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().CommentThreads.AsNoTracking().Select(t => t.Id).SingleAsync();
    }

    private static async Task<int> CriteriaAsync(AppClient coach, string ratePage)
    {
        var html = await coach.GetHtmlAsync(ratePage);
        var count = html.Split("<fieldset>").Length - 1;
        Assert.True(count > 1, "the rating page shows no rubric: " + html);
        return count;
    }
}
