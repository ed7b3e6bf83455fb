using System.Net;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Data;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Coaching;

/// <summary>The cohort's readiness, reply and self-rating columns, and the coach's private notes.</summary>
public sealed class CohortAndNotesTests
{
    private const string Question = "sd-fleet-update-10000-servers";

    [Theory]
    [InlineData(80.0, 3, 3.0, 80.0)] // three answers graded 1 of 4: evidence 0
    [InlineData(80.0, 4, 8.0, 47.0)] // mean 2 of 4: evidence 33.3, 46.7 above
    [InlineData(50.0, 3, 6.0, null)] // evidence 33.3: 16.7 above, under the flag
    [InlineData(90.0, 2, 2.0, null)] // two answers are not enough evidence
    [InlineData(null, 10, 10.0, null)] // no self-assessment
    public void SelfRatingAboveGradedAnswersIsFlaggedFromTwentyPoints(double? self, int graded, double sum, double? expected) =>
        Assert.Equal(expected, CoachLinks.OverratingPoints(self, graded, sum));

    [Fact]
    public async Task TheCohortShowsReadinessNewRepliesAndASelfRatingAboveTheGradedAnswers()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        var attempts = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var id = await candidate.AnswerAsync(Question, "A thin answer " + i);
            var criteria = (await candidate.GetHtmlAsync($"/attempts/{id}/grade")).Split("<fieldset>").Length - 1;
            var graded = await candidate.PostFormAsync($"/attempts/{id}/grade", Enumerable.Range(0, criteria).ToDictionary(c => $"Input.Scores[{c}]", _ => "1"));
            Assert.Equal(HttpStatusCode.Redirect, graded.StatusCode);
            attempts.Add(id);
        }

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var userId = await db.Users.Where(u => u.Email == "cara@example.com").Select(u => u.Id).SingleAsync();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            db.Assessments.Add(new Assessment
            {
                UserId = userId,
                TargetLevelId = "senior-tpm",
                StartedUtc = now,
                UpdatedUtc = now,
                CompletedUtc = now,
                AreaScores = [new AssessmentAreaScore { SkillId = "project-management", Score = 80, Target = 80 }, new AssessmentAreaScore { SkillId = "technical", Score = 80, Target = 100 }],
            });
            await db.SaveChangesAsync();
        }

        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        var linkId = await CoachingTests.AcceptAsync(coach, await CoachingTests.InviteAsync(candidate, "1", "2", "4"));
        var page = $"/coach/candidates/{linkId}/attempts/{attempts[0]}";
        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFormAsync(page, new() { ["criterion"] = "-1", ["body"] = "Go deeper." }, page + "?handler=Comment")).StatusCode);
        int threadId;
        using (var scope = factory.Services.CreateScope())
        {
            threadId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().CommentThreads.Select(t => t.Id).SingleAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync($"/attempts/{attempts[0]}", new() { ["threadId"] = $"{threadId}", ["body"] = "Will do." }, $"/attempts/{attempts[0]}?handler=Reply")).StatusCode);

        var cohort = WebUtility.HtmlDecode(await coach.GetHtmlAsync("/coach"));
        // Readiness: the mean of min(1, score / target) = (1 + 0.8) / 2 = 90% of Senior TPM.
        Assert.Contains("90% of Senior TPM", cohort, StringComparison.Ordinal);
        Assert.True(cohort.Contains("self-rating 80 points above graded answers", StringComparison.Ordinal), cohort[cohort.IndexOf("<tbody>", StringComparison.Ordinal)..]);
        Assert.Contains("<td>1</td>\n                        <td>self-rating", cohort.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("sort=readiness", cohort, StringComparison.Ordinal);

        // Without the assessments scope, no self-rating flag (readiness is part of the summary).
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFieldsAsync("/coaching", [new("scope", "1"), new("scope", "2")], $"/coaching?handler=Scopes&linkId={linkId}")).StatusCode);
        var narrowed = WebUtility.HtmlDecode(await coach.GetHtmlAsync("/coach"));
        Assert.Contains("90% of Senior TPM", narrowed, StringComparison.Ordinal);
        Assert.DoesNotContain("self-rating", narrowed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivateNotesAreTheCoachsAloneAndGoWithTheLink()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        using var other = await AppClient.RegisteredAsync(factory, "other@example.com", "Coach");
        var linkId = await CoachingTests.AcceptAsync(coach, await CoachingTests.InviteAsync(candidate, "1"));
        var page = $"/coach/candidates/{linkId}";

        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFormAsync(page, new() { ["notes"] = "private-note-text: nervous on estimation" }, page + "?handler=Notes")).StatusCode);
        var html = await coach.GetHtmlAsync(page);
        Assert.Contains("private-note-text", html, StringComparison.Ordinal);
        Assert.Contains("only you see these", html, StringComparison.Ordinal);
        Assert.DoesNotContain("private-note-text", await candidate.GetHtmlAsync("/coaching"), StringComparison.Ordinal);
        Assert.DoesNotContain("private-note-text", await candidate.Http.GetStringAsync("/account/data?handler=Json"), StringComparison.Ordinal);

        // Too long: refused with the limit, the text kept, the saved notes untouched.
        var text = "kept-" + new string('n', CoachingLimits.NoteLength);
        var refused = await coach.PostFormAsync(page, new() { ["notes"] = text }, page + "?handler=Notes");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"at most {CoachingLimits.NoteLength:N0} characters; these have {text.Length:N0}", body, StringComparison.Ordinal);
        Assert.Contains(text + "</textarea>", body, StringComparison.Ordinal);
        Assert.Contains("private-note-text", await coach.GetHtmlAsync(page), StringComparison.Ordinal);

        // Another coach, or this one after a revoke, gets a 404.
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/coach", new() { ["notes"] = "x" }, page + "?handler=Notes")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/coaching", new(), $"/coaching?handler=Revoke&linkId={linkId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.PostFormAsync("/coach", new() { ["notes"] = "x" }, page + "?handler=Notes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Http.GetAsync(page)).StatusCode);
        using var scope = factory.Services.CreateScope();
        Assert.Equal("private-note-text: nervous on estimation", await scope.ServiceProvider.GetRequiredService<AppDbContext>().CoachNotes.Select(n => n.Body).SingleAsync());
    }
}
