using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Data;
using TpmPrep.Web.Tests.Infrastructure;

namespace TpmPrep.Web.Tests.Coaching;

/// <summary>Consent between a candidate and a coach, end to end over HTTP on a real database (both providers).</summary>
public sealed partial class CoachingTests
{
    private const string Question = "sd-fleet-update-10000-servers";

    [Fact]
    public async Task AnInvitedCoachSeesOnlyTheScopesGrantedAndNothingAfterARevoke()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        var attemptId = await candidate.AnswerAsync(Question, "Waves behind health gates candidate-answer-text");
        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");

        var code = await InviteAsync(candidate, "1", "2");
        // The code is kept only as a hash.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.CoachInvites.AsNoTracking().SingleAsync();
            Assert.Equal(TpmPrep.Web.Coaching.InviteCodes.Hash(code.Replace("-", "", StringComparison.Ordinal)), stored.CodeHash);
            Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), stored.CodeHash + stored.BoundEmail, StringComparison.OrdinalIgnoreCase);
        }

        var preview = await coach.GetHtmlAsync($"/coach/join/{code}");
        Assert.Contains("Test Person invites you to coach them", preview, StringComparison.Ordinal);
        Assert.Contains("summary, attempts and grades", preview, StringComparison.Ordinal);
        var linkId = await AcceptAsync(coach, code);

        // Used once: a second use says so.
        using var other = await AppClient.RegisteredAsync(factory, "other-coach@example.com", "Coach");
        var reused = await other.PostFormAsync($"/coach/join/{code}", new());
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("already been used", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The cohort and the candidate's pages within the scopes.
        var cohort = await coach.GetHtmlAsync("/coach");
        Assert.Contains($"/coach/candidates/{linkId}\"", cohort, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"sparkline\"", cohort, StringComparison.Ordinal);
        Assert.Contains("day current streak", await coach.GetHtmlAsync($"/coach/candidates/{linkId}"), StringComparison.Ordinal);
        Assert.Contains("1 attempt", await coach.GetHtmlAsync($"/coach/candidates/{linkId}/attempts"), StringComparison.Ordinal);
        Assert.Contains("candidate-answer-text", await coach.GetHtmlAsync($"/coach/candidates/{linkId}/attempts/{attemptId}"), StringComparison.Ordinal);
        // Another person's link id, or an attempt of someone else under this link, is a 404.
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/coach/candidates/{linkId}")).StatusCode);
        var strangersAttempt = await other.AnswerAsync(Question, "not the candidate's");
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Http.GetAsync($"/coach/candidates/{linkId}/attempts/{strangersAttempt}")).StatusCode);

        // Receipts: the candidate sees what the coach opened.
        var receipts = await candidate.GetHtmlAsync("/coaching");
        Assert.Contains("What your coaches opened", receipts, StringComparison.Ordinal);
        Assert.Contains($"/coach/candidates/{linkId}/attempts/{attemptId}", receipts, StringComparison.Ordinal);
        Assert.Contains("<td>Progress</td>", receipts, StringComparison.Ordinal);
        Assert.Contains("<td>Attempt</td>", receipts, StringComparison.Ordinal);

        // Narrowed to the summary: the attempts close on the coach's next request; the dashboard stays.
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFieldsAsync("/coaching", [new("scope", "1")], $"/coaching?handler=Scopes&linkId={linkId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Http.GetAsync($"/coach/candidates/{linkId}/attempts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Http.GetAsync($"/coach/candidates/{linkId}/attempts/{attemptId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coach.Http.GetAsync($"/coach/candidates/{linkId}")).StatusCode);

        // Revoked: nothing at all, and the cohort is empty.
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/coaching", new(), $"/coaching?handler=Revoke&linkId={linkId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Http.GetAsync($"/coach/candidates/{linkId}")).StatusCode);
        Assert.DoesNotContain($"/coach/candidates/{linkId}\"", await coach.GetHtmlAsync("/coach"), StringComparison.Ordinal);
        // The candidate's own pages never took a receipt.
        using var scope2 = factory.Services.CreateScope();
        var receiptsByCoach = await scope2.ServiceProvider.GetRequiredService<AppDbContext>().AccessReceipts.AsNoTracking().Select(r => r.CoachId).Distinct().ToListAsync();
        Assert.Single(receiptsByCoach);
    }

    [Fact]
    public async Task EveryWayAnInvitationCanFailIsSaidPlainly()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        using var notACoach = await AppClient.RegisteredAsync(factory, "plain@example.com");

        var unknown = await coach.Http.GetAsync("/coach/join/ZZZZ-ZZZZ-ZZZZ");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("does not match any invitation", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Http.GetAsync("/coach/join/" + new string('x', 5000))).StatusCode);

        var own = await InviteAsync(candidate, "1");
        Assert.Contains("That is your own invitation", await BodyAsync(candidate, $"/coach/join/{own}"), StringComparison.Ordinal);
        Assert.Contains("Only an account with the coach role", await BodyAsync(notACoach, $"/coach/join/{own}"), StringComparison.Ordinal);

        var bound = await InviteBoundAsync(candidate, "1", "someone-else@example.com");
        var foreign = await coach.PostFormAsync($"/coach/join/{bound}", new());
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("for a different e-mail address", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var boundToCoach = await InviteBoundAsync(candidate, "1", "COACH@example.com");
        await AcceptAsync(coach, boundToCoach);

        var cancelled = await InviteAsync(candidate, "1");
        var inviteId = NumberAfter("inviteId=").Match(await candidate.GetHtmlAsync("/coaching")).Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync("/coaching", new(), $"/coaching?handler=Cancel&inviteId={inviteId}")).StatusCode);
        Assert.Contains("The candidate cancelled that invitation", await BodyAsync(coach, $"/coach/join/{cancelled}"), StringComparison.Ordinal);

        // Nothing chosen, or a malformed e-mail, is refused with the reason and makes nothing.
        var none = await candidate.PostFieldsAsync("/coaching", [], "/coaching?handler=Invite");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Choose at least one thing your coach may see.", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badEmail = await candidate.PostFieldsAsync("/coaching", [new("scope", "1"), new("CoachEmail", "not an address")], "/coaching?handler=Invite");
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.Contains("not an e-mail address", await badEmail.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Seven days later the code no longer works.
        var late = await InviteAsync(candidate, "1");
        factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        using var lateCoach = await AppClient.RegisteredAsync(factory, "late@example.com", "Coach");
        var expired = await lateCoach.PostFormAsync($"/coach/join/{late}", new());
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("has expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestByEmailRevealsNothingAndShowsNothingUntilAccepted()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        await candidate.AnswerAsync(Question);
        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");

        var toSomeone = await coach.PostFormAsync("/coach", new() { ["CandidateEmail"] = "cara@example.com" }, "/coach?handler=Request");
        var toNobody = await coach.PostFormAsync("/coach", new() { ["CandidateEmail"] = "nobody@example.com" }, "/coach?handler=Request");
        Assert.Equal(HttpStatusCode.Redirect, toSomeone.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, toNobody.StatusCode);
        Assert.Equal(toSomeone.Headers.Location, toNobody.Headers.Location);
        var cohort = await coach.GetHtmlAsync("/coach");
        Assert.Contains("No candidate has invited you yet", cohort, StringComparison.Ordinal);
        Assert.Contains("1 request waiting", cohort, StringComparison.Ordinal);

        var page = await candidate.GetHtmlAsync("/coaching");
        Assert.Contains("Coaches asking for access", page, StringComparison.Ordinal);
        Assert.Contains("coach@example.com", page, StringComparison.Ordinal);
        var linkId = NumberAfter("id=\"request-").Match(page).Groups[1].Value;
        Assert.NotEmpty(linkId);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Http.GetAsync($"/coach/candidates/{linkId}")).StatusCode);

        var nothing = await candidate.PostFieldsAsync("/coaching", [], $"/coaching?handler=Accept&linkId={linkId}");
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Contains("Choose at least one thing the coach may see", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFieldsAsync("/coaching", [new("scope", "1")], $"/coaching?handler=Accept&linkId={linkId}")).StatusCode);
        Assert.Contains("1 attempt", await coach.GetHtmlAsync($"/coach/candidates/{linkId}"), StringComparison.Ordinal);
        // The summary only: attempts stay closed.
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Http.GetAsync($"/coach/candidates/{linkId}/attempts")).StatusCode);

        // The coach ends it; asking again waits for the candidate once more.
        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFormAsync($"/coach/candidates/{linkId}", new(), $"/coach/candidates/{linkId}?handler=End")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Http.GetAsync($"/coach/candidates/{linkId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFormAsync("/coach", new() { ["CandidateEmail"] = "cara@example.com" }, "/coach?handler=Request")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Http.GetAsync($"/coach/candidates/{linkId}")).StatusCode);
        Assert.Contains("Coaches asking for access", await candidate.GetHtmlAsync("/coaching"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyCoachesOpenTheCoachesPagesAndAGrantNeverOpensAWrite()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "cara@example.com");
        var attemptId = await candidate.AnswerAsync(Question);
        using var coach = await AppClient.RegisteredAsync(factory, "coach@example.com", "Coach");
        var linkId = await AcceptAsync(coach, await InviteAsync(candidate, "1", "2", "4"));

        var refused = await candidate.Http.GetAsync("/coach");
        Assert.True(refused.StatusCode == HttpStatusCode.Redirect, $"{(int)refused.StatusCode} {refused.Headers.Location}");
        Assert.Contains("/account/access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // With every scope, the coach reads but never changes: no grading form, no delete, and no notes to self anywhere.
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync($"/attempts/{attemptId}/grade", new() { ["Input.Scores[0]"] = "3", ["Input.Scores[1]"] = "3", ["Input.Scores[2]"] = "2", ["Input.Notes"] = "private-note-text" })).StatusCode);
        Assert.Contains("private-note-text", await candidate.GetHtmlAsync($"/attempts/{attemptId}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Http.GetAsync($"/attempts/{attemptId}/grade")).StatusCode);
        Assert.DoesNotContain("private-note-text", await coach.GetHtmlAsync($"/coach/candidates/{linkId}/attempts/{attemptId}"), StringComparison.Ordinal);
        Assert.DoesNotContain("private-note-text", await BodyAsync(coach, $"/attempts/{attemptId}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.PostFormAsync($"/coach/candidates/{linkId}", new(), $"/attempts/{attemptId}/delete")).StatusCode);
        Assert.Equal(1, await candidate.AttemptCountAsync());
    }

    internal static async Task<string> InviteAsync(AppClient candidate, params string[] scopes) => await InviteAsync(candidate, scopes, null);

    internal static async Task<string> InviteBoundAsync(AppClient candidate, string scope, string email) => await InviteAsync(candidate, [scope], email);

    private static async Task<string> InviteAsync(AppClient candidate, string[] scopes, string? email)
    {
        var fields = scopes.Select(s => new KeyValuePair<string, string>("scope", s)).ToList();
        if (email is not null)
        {
            fields.Add(new("CoachEmail", email));
        }

        var made = await candidate.PostFieldsAsync("/coaching", fields, "/coaching?handler=Invite");
        Assert.True(made.StatusCode == HttpStatusCode.Redirect, $"{(int)made.StatusCode}: {await made.Content.ReadAsStringAsync()}");
        var page = await candidate.GetHtmlAsync("/coaching");
        var code = Code().Match(page);
        Assert.True(code.Success, "no invitation code shown: " + page);
        // Shown once: the next visit no longer has it.
        Assert.DoesNotMatch(Code(), await candidate.GetHtmlAsync("/coaching"));
        return code.Groups[1].Value;
    }

    /// <summary>The page's body whatever its status (an invitation that does not work is a 400 with the reason).</summary>
    private static async Task<string> BodyAsync(AppClient client, string url) => await (await client.Http.GetAsync(url)).Content.ReadAsStringAsync();

    internal static async Task<int> AcceptAsync(AppClient coach, string code)
    {
        var accepted = await coach.PostFormAsync($"/coach/join/{code}", new());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        return int.Parse(NumberAfter("/coach/candidates/").Match(accepted.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("<strong>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</strong>")]
    private static partial Regex StrongCode();

    private static Regex Code() => StrongCode();

    private static Regex NumberAfter(string prefix) => new(Regex.Escape(prefix) + "(\\d+)", RegexOptions.CultureInvariant);
}
