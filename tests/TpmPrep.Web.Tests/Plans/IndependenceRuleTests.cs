using TpmPrep.Web.Access;
using TpmPrep.Web.Data;
using TpmPrep.Web.Plans;

namespace TpmPrep.Web.Tests.Plans;

/// <summary>The rule by itself: who may read the other interviewers' scorecards on a candidate.</summary>
public sealed class IndependenceRuleTests
{
    private static readonly PlanPerson Ann = new("ann", "Ann", "ann@example.com");
    private static readonly PlanPerson Bo = new("bo", "Bo", "bo@example.com");
    private static readonly PlanPerson Owner = new("owner", "Owner", "owner@example.com");

    private static PlanView Plan(string viewer, PlanRole role, IReadOnlyList<PlanPerson> first, IReadOnlyList<PlanPerson> second, params CardState[] cards) => new(
        1, Owner.UserId, "Opening", role,
        [new PlanInterviewView(10, 1, "One", null, null, ["leadership"], first), new PlanInterviewView(20, 2, "Two", null, null, ["technical"], second)],
        [new PlanCandidateView(7, "Casey", "", HiringDecision.Undecided, "", null), new PlanCandidateView(8, "Dana", "", HiringDecision.Undecided, "", null)],
        cards.Where(c => c.InterviewerId == viewer || (role == PlanRole.Owner && !first.Concat(second).Any(p => p.UserId == viewer))).ToList());

    private static Viewer As(PlanPerson person) => new(person.UserId, new HashSet<string>());

    [Fact]
    public void APanelMemberReadsOthersOnlyOnceEveryCardTheyOweThatCandidateIsSubmitted()
    {
        // Ann runs both interviews: one submitted card for Casey is not enough.
        var half = Plan("ann", PlanRole.Interviewer, [Ann, Bo], [Ann], new CardState(1, 7, 10, "ann", true), new CardState(2, 7, 20, "ann", false));
        Assert.False(ScorecardService.MayReadOthers(As(Ann), half, 7));

        var both = Plan("ann", PlanRole.Interviewer, [Ann, Bo], [Ann], new CardState(1, 7, 10, "ann", true), new CardState(2, 7, 20, "ann", true));
        Assert.True(ScorecardService.MayReadOthers(As(Ann), both, 7));
        // Submitting for Casey opens nothing about Dana.
        Assert.False(ScorecardService.MayReadOthers(As(Ann), both, 8));
        // Bo's card does not count for Ann.
        var bosCard = Plan("ann", PlanRole.Interviewer, [Ann, Bo], [], new CardState(3, 7, 10, "bo", true));
        Assert.False(ScorecardService.MayReadOthers(As(Ann), bosCard, 7));
    }

    [Fact]
    public void TheOwnerOffThePanelReadsAtOnceAndOnThePanelFollowsTheSameRule()
    {
        Assert.True(ScorecardService.MayReadOthers(As(Owner), Plan("owner", PlanRole.Owner, [Ann], [Bo]), 7));

        var onPanel = Plan("owner", PlanRole.Owner, [Ann, Owner], [Bo], new CardState(4, 7, 10, "owner", false));
        Assert.False(ScorecardService.MayReadOthers(As(Owner), onPanel, 7));
        var submitted = Plan("owner", PlanRole.Owner, [Ann, Owner], [Bo], new CardState(4, 7, 10, "owner", true));
        Assert.True(ScorecardService.MayReadOthers(As(Owner), submitted, 7));
    }

    [Fact]
    public void SomeoneOnThePlanWhoRunsNoInterviewAndDoesNotOwnItReadsNothing()
    {
        var plan = Plan("eve", PlanRole.Interviewer, [Ann], [Bo], new CardState(1, 7, 10, "ann", true));
        Assert.False(ScorecardService.MayReadOthers(new Viewer("eve", new HashSet<string>()), plan, 7));
    }
}
