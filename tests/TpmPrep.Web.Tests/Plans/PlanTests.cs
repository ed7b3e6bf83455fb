using System.Net;
using System.Text.RegularExpressions;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Tests.Infrastructure;
using TpmPrep.Web.Tests.Kits;

namespace TpmPrep.Web.Tests.Plans;

/// <summary>A plan with one interview, two interviewers and a candidate: sealed scorecards, the independence rule, the debrief and the decision (on both databases).</summary>
public sealed partial class PlanTests
{
    [Fact]
    public async Task ScorecardsStayIndependentUntilSubmittedAndTheDebriefShowsTheDisagreement()
    {
        using var factory = new TpmPrepFactory();
        var plan = await PlanWithTwoInterviewersAsync(factory);
        var (owner, first, second) = (plan.Owner, plan.First, plan.Second);

        // The first interviewer: an incomplete or forged card is refused with the reasons, and nothing counts yet.
        var card1 = await OpenAsync(first, plan);
        var criterion = $"Rating[{plan.QuestionId}:0]";
        var incomplete = await first.PostFieldsAsync($"/scorecards/{card1}", [new(criterion, "3"), new("Version", "1")], $"/scorecards/{card1}?handler=Submit");
        var incompleteHtml = WebUtility.HtmlDecode(await incomplete.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.True(incompleteHtml.Contains("Question 1: write the evidence", StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Match(incompleteHtml, "<div class=\"alert error\"[\\s\\S]*?</div>").Value);
        Assert.Contains("Question 1: write the evidence", incompleteHtml, StringComparison.Ordinal);
        Assert.Contains("Rate leadership: every focus area needs a rating.", incompleteHtml, StringComparison.Ordinal);
        Assert.Contains("Choose your recommendation", incompleteHtml, StringComparison.Ordinal);
        var forged = await first.PostFieldsAsync($"/scorecards/{card1}", [new("Rating[no-such:0]", "3"), new(criterion, "9"), new("Area[sorcery]", "2"), new("Recommendation", "5"), new("Version", "1")], $"/scorecards/{card1}?handler=Save");
        var forgedHtml = WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("names a criterion this kit does not have", forgedHtml, StringComparison.Ordinal);
        Assert.Contains($"must be from 1 to {plan.Levels}", forgedHtml, StringComparison.Ordinal);
        Assert.Contains("names a skill area this interview does not focus on", forgedHtml, StringComparison.Ordinal);
        Assert.Contains("Choose one of the four recommendations.", forgedHtml, StringComparison.Ordinal);

        // An over-long note is refused with the limit, and what was typed comes back.
        var tooLong = await first.PostFieldsAsync($"/scorecards/{card1}", [new($"Evidence[{plan.QuestionId}]", "kept-" + new string('x', TpmPrep.Web.Plans.PlanLimits.MaxNotesLength)), new("Version", "1")], $"/scorecards/{card1}?handler=Save");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var tooLongHtml = await tooLong.Content.ReadAsStringAsync();
        Assert.Contains("Evidence and notes are 8,000 characters at most each.", tooLongHtml, StringComparison.Ordinal);
        Assert.Contains("kept-xxxx", tooLongHtml, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(first, card1, plan.QuestionId, "Named the **three** risks first-card-evidence", area: 4, recommendation: 4, version: 1)).StatusCode);
        var again = await SubmitAsync(first, card1, plan.QuestionId, "again", area: 4, recommendation: 4, version: 2);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("submitted already", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The owner, off the panel, reads it at once; the second interviewer, on the panel, does not.
        Assert.Contains("first-card-evidence", await owner.GetHtmlAsync($"/scorecards/{card1}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await second.Http.GetAsync($"/scorecards/{card1}")).StatusCode);
        var card2 = await OpenAsync(second, plan);
        Assert.Equal(HttpStatusCode.NotFound, (await first.Http.GetAsync($"/scorecards/{card2}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Http.GetAsync($"/scorecards/{card2}")).StatusCode); // a draft is its author's alone
        var locked = await second.GetHtmlAsync($"/debriefs/{plan.CandidateId}");
        Assert.Contains("Submit your own scorecard first.", locked, StringComparison.Ordinal);
        Assert.DoesNotContain("Strong yes", locked, StringComparison.Ordinal);
        Assert.DoesNotContain("Ann First", locked, StringComparison.Ordinal);
        var compareLocked = await second.GetHtmlAsync($"/plans/{plan.PlanId}/compare");
        Assert.DoesNotContain("Casey Candidate", compareLocked, StringComparison.Ordinal);

        // Once the second card is in, both read everything, and the debrief shows the two-point disagreement.
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(second, card2, plan.QuestionId, "Missed the dependency second-card-evidence", area: 2, recommendation: 2, version: 1)).StatusCode);
        Assert.Contains("first-card-evidence", await second.GetHtmlAsync($"/scorecards/{card1}"), StringComparison.Ordinal);
        Assert.Contains("<strong>three</strong>", await second.GetHtmlAsync($"/scorecards/{card1}"), StringComparison.Ordinal);
        var debrief = WebUtility.HtmlDecode(await owner.GetHtmlAsync($"/debriefs/{plan.CandidateId}"));
        Assert.Contains("The panel disagrees by 2 points or more on Leadership", debrief, StringComparison.Ordinal);
        Assert.Contains("The recommendations are 2 steps or more apart.", debrief, StringComparison.Ordinal);
        Assert.Contains("<strong>3.0</strong> mechanical aggregate", debrief, StringComparison.Ordinal);
        Assert.Contains("Ann First", debrief, StringComparison.Ordinal);
        Assert.Contains("Bo Second", debrief, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart debrief\"", debrief, StringComparison.Ordinal);
        Assert.Contains("disagree-cell", debrief, StringComparison.Ordinal);

        // An edit after submitting is kept and marked.
        var edited = await first.PostFieldsAsync($"/scorecards/{card1}", [new($"Evidence[{plan.QuestionId}]", "Named the three risks; edited later"), new(criterion, "3"), new("Area[leadership]", "4"), new("Recommendation", "4"), new("Version", "2")], $"/scorecards/{card1}?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("changed after submitting", await owner.GetHtmlAsync($"/debriefs/{plan.CandidateId}"), StringComparison.Ordinal);

        // The decision needs its rationale.
        var bare = await owner.PostFormAsync($"/debriefs/{plan.CandidateId}", new() { ["Decision"] = "Hire", ["Rationale"] = "" }, $"/debriefs/{plan.CandidateId}?handler=Decide");
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("Write down why", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var decided = await owner.PostFormAsync($"/debriefs/{plan.CandidateId}", new() { ["Decision"] = "Hire", ["Rationale"] = "Strong on risk; the gap on dependencies is coachable." }, $"/debriefs/{plan.CandidateId}?handler=Decide");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Contains("coachable", await owner.GetHtmlAsync($"/debriefs/{plan.CandidateId}"), StringComparison.Ordinal);
        // The interviewers may not decide.
        Assert.Equal(HttpStatusCode.NotFound, (await first.PostFormAsync($"/debriefs/{plan.CandidateId}", new() { ["Decision"] = "NoHire", ["Rationale"] = "x" }, $"/debriefs/{plan.CandidateId}?handler=Decide")).StatusCode);

        var compare = WebUtility.HtmlDecode(await owner.GetHtmlAsync($"/plans/{plan.PlanId}/compare"));
        Assert.Contains("Casey Candidate", compare, StringComparison.Ordinal);
        Assert.Matches(@"Ann First</th><td>1</td><td>1</td>\s*<td>\+2\.0</td>", compare);
        Assert.Matches(@"Bo Second</th><td>1</td><td>1</td>\s*<td>-2\.0</td>", compare);
    }

    [Fact]
    public async Task NobodyOffThePlanFindsItAndOnlyItsOwnerChangesIt()
    {
        using var factory = new TpmPrepFactory();
        var plan = await PlanWithTwoInterviewersAsync(factory);
        var card = await OpenAsync(plan.First, plan);
        using var stranger = await AppClient.RegisteredAsync(factory, "stranger@example.com", "HiringManager");

        foreach (var url in new[] { $"/plans/{plan.PlanId}", $"/plans/{plan.PlanId}/compare", $"/debriefs/{plan.CandidateId}", $"/scorecards/{card}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(url)).StatusCode);
        }

        Assert.DoesNotContain($"href=\"/plans/{plan.PlanId}\"", await stranger.GetHtmlAsync("/plans"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostFormAsync("/plans", new() { ["name"] = "Mallory" }, $"/plans/{plan.PlanId}?handler=AddCandidate")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostFormAsync("/plans", new() { ["interviewId"] = plan.InterviewId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["candidateId"] = plan.CandidateId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/plans/{plan.PlanId}?handler=Open")).StatusCode);
        // An interviewer reads the plan but cannot change it, nor write on another's card.
        Assert.Contains("Casey Candidate", await plan.Second.GetHtmlAsync($"/plans/{plan.PlanId}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await plan.Second.PostFormAsync($"/plans/{plan.PlanId}", new() { ["name"] = "Mallory" }, $"/plans/{plan.PlanId}?handler=AddCandidate")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await plan.Second.PostFieldsAsync($"/plans/{plan.PlanId}", [new("Version", "1"), new("Recommendation", "1")], $"/scorecards/{card}?handler=Save")).StatusCode);
        Assert.DoesNotContain("Mallory", await plan.Owner.GetHtmlAsync($"/plans/{plan.PlanId}"), StringComparison.Ordinal);
        // Only hiring managers start plans.
        var refused = await plan.First.PostFormAsync("/plans", new() { ["Title"] = "Mine" });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // An e-mail nobody registered is named as such, without adding anything.
        var unknown = await plan.Owner.PostFormAsync($"/plans/{plan.PlanId}", new() { ["interviewId"] = plan.InterviewId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["email"] = "nobody@example.com" }, $"/plans/{plan.PlanId}?handler=AddInterviewer");
        Assert.Contains("they need an account", await plan.Owner.GetHtmlAsync(unknown.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    internal sealed record Plan(AppClient Owner, AppClient First, AppClient Second, int PlanId, int InterviewId, int CandidateId, string QuestionId, int Levels);

    /// <summary>An owner's plan "Opening" with one interview (a kit of one bank question, focus leadership), two interviewers (candidates by role) and one candidate.</summary>
    internal static async Task<Plan> PlanWithTwoInterviewersAsync(TpmPrepFactory factory)
    {
        var owner = await AppClient.RegisteredAsync(factory, "owner@example.com", "HiringManager");
        var first = await RegisterAsync(factory, "Ann First", "ann@example.com");
        var second = await RegisterAsync(factory, "Bo Second", "bo@example.com");
        var question = factory.Services.GetRequiredService<CatalogueProvider>().Current.Banks.SelectMany(b => b.Questions).First(q => q.Skills.Contains("leadership"));
        var kitId = await KitBuilderTests.CreateKitAsync(owner, "Leadership interview", ["leadership"], "Probe.");
        await KitBuilderTests.AddAsync(owner, kitId, question.Id);

        var created = await owner.PostFormAsync("/plans", new() { ["Title"] = "Opening" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var planId = int.Parse(Number().Match(created.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await OkAsync(owner, planId, "AddInterview", new() { ["title"] = "Leadership", ["kitId"] = kitId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "Interview added.");
        var page = await owner.GetHtmlAsync($"/plans/{planId}");
        var interviewId = int.Parse(InterviewId().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var email in new[] { "ann@example.com", "bo@example.com" })
        {
            await OkAsync(owner, planId, "AddInterviewer", new() { ["interviewId"] = interviewId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["email"] = email }, "Interviewer added.");
        }

        await OkAsync(owner, planId, "AddCandidate", new() { ["name"] = "Casey Candidate", ["notes"] = "Referred" }, "Candidate added.");
        page = await first.GetHtmlAsync($"/plans/{planId}");
        var candidateId = int.Parse(CandidateId().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new Plan(owner, first, second, planId, interviewId, candidateId, question.Id, question.RubricLevels);
    }

    internal static async Task<int> OpenAsync(AppClient interviewer, Plan plan)
    {
        var response = await interviewer.PostFormAsync($"/plans/{plan.PlanId}", new()
        {
            ["interviewId"] = plan.InterviewId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["candidateId"] = plan.CandidateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, $"/plans/{plan.PlanId}?handler=Open");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(Card().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static Task<HttpResponseMessage> SubmitAsync(AppClient interviewer, int card, string questionId, string evidence, int area, int recommendation, int version) =>
        interviewer.PostFieldsAsync($"/scorecards/{card}", [
            new($"Evidence[{questionId}]", evidence), new($"Rating[{questionId}:0]", "3"), new("Area[leadership]", area.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Recommendation", recommendation.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Summary", "Summary"), new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], $"/scorecards/{card}?handler=Submit");

    private static async Task<AppClient> RegisterAsync(TpmPrepFactory factory, string name, string email)
    {
        var client = new AppClient(factory);
        var response = await client.PostFormAsync("/account/register", new()
        {
            ["Input.DisplayName"] = name, ["Input.Email"] = email, ["Input.Password"] = AppClient.Password, ["Input.ConfirmPassword"] = AppClient.Password, ["Input.Roles"] = "Candidate",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task OkAsync(AppClient owner, int planId, string handler, Dictionary<string, string> fields, string message)
    {
        var response = await owner.PostFormAsync($"/plans/{planId}", fields, $"/plans/{planId}?handler={handler}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(message, await owner.GetHtmlAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^/plans/(\d+)")]
    private static partial Regex Number();

    [GeneratedRegex(@"name=""interviewId"" value=""(\d+)""")]
    private static partial Regex InterviewId();

    [GeneratedRegex(@"name=""candidateId"" value=""(\d+)""")]
    private static partial Regex CandidateId();

    [GeneratedRegex(@"^/scorecards/(\d+)")]
    private static partial Regex Card();
}
