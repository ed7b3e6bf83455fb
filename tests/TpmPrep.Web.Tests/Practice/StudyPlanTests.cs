using TpmPrep.Web.Practice;

namespace TpmPrep.Web.Tests.Practice;

/// <summary>The plan to the interview date: weakest areas first without starving the rest, reviews spread, mocks weekly.</summary>
public sealed class StudyPlanTests
{
    private static readonly DateOnly Monday = new(2026, 12, 7);

    private static readonly AreaNeed[] Areas =
    [
        new("a", "Area A", 60, "far below"),
        new("b", "Area B", 20, "a little below"),
        new("c", "Area C", 0, "at target"),
    ];

    private static IReadOnlyList<PlanQuestion> Questions(string skill) =>
        Enumerable.Range(1, 30).Select(i => new PlanQuestion($"{skill}-{i}", $"{skill} question {i}", skill, 10)).ToList();

    [Fact]
    public void TenDaysOutEachDayHasTwoQuestionsTheReviewsAreSpreadAndTwoDaysAreMocks()
    {
        var plan = StudyPlanner.Build(Monday, Monday.AddDays(10), Areas, reviewsDue: 25, reviewsPerDay: 10, Questions);

        Assert.False(plan.Rhythm);
        Assert.Equal(10, plan.DaysLeft);
        Assert.Equal(10, plan.Days.Count);
        Assert.Equal(Monday, plan.Today.Day);
        Assert.Equal([10, 10, 5, 0, 0, 0, 0, 0, 0, 0], plan.Days.Select(d => d.Reviews));
        // Mock interviews a week apart, the last the day before the interview (8 and 1 days before).
        Assert.Equal([2, 9], plan.Days.Select((d, i) => (d, i)).Where(x => x.d.MockInterview).Select(x => x.i));
        Assert.All(plan.Days.Where(d => !d.MockInterview), d => Assert.Equal(2, d.Practice.Count));
        var all = plan.Days.SelectMany(d => d.Practice).ToList();
        Assert.Equal(all.Count, all.Select(q => q.Id).Distinct().Count());
        // 16 slots shared 60 : 20 : 5.
        var per = all.GroupBy(q => q.SkillId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(11, per["a"]);
        Assert.Equal(4, per["b"]);
        Assert.Equal(1, per["c"]);
        Assert.Equal("a", plan.Focus[0].SkillId);
    }

    [Fact]
    public void AFarDateListsSixWeeksOneQuestionADay()
    {
        var plan = StudyPlanner.Build(Monday, Monday.AddDays(100), Areas, 0, 10, Questions);

        Assert.Equal(100, plan.DaysLeft);
        Assert.Equal(StudyPlanner.MostDays, plan.Days.Count);
        Assert.All(plan.Days.Where(d => !d.MockInterview), d => Assert.Single(d.Practice));
        Assert.All(plan.Days, d => Assert.Equal(0, d.Reviews));
    }

    [Fact]
    public void WithoutADateOrWithAPastOneItIsASteadyWeek()
    {
        foreach (var date in new DateOnly?[] { null, Monday, Monday.AddDays(-3) })
        {
            var plan = StudyPlanner.Build(Monday, date, Areas, reviewsDue: 30, reviewsPerDay: 10, Questions);

            Assert.True(plan.Rhythm);
            Assert.Null(plan.DaysLeft);
            Assert.Equal(7, plan.Days.Count);
            Assert.Equal([2, 0, 2, 0, 2, 0, 0], plan.Days.Select(d => d.Practice.Count));
            Assert.Equal([0, 10, 0, 10, 0, 0, 0], plan.Days.Select(d => d.Reviews));
            Assert.True(plan.Days[5].MockInterview);
            Assert.True(plan.Days[6].IsRest);
        }
    }

    [Fact]
    public void WhenAnAreaRunsOutOfQuestionsTheOthersTakeItsSlots()
    {
        IReadOnlyList<PlanQuestion> Few(string skill) => skill == "a" ? [new("a-1", "only one", "a", 10)] : Questions(skill);
        var plan = StudyPlanner.Build(Monday, Monday.AddDays(5), Areas, 0, 10, Few);

        var all = plan.Days.SelectMany(d => d.Practice).ToList();
        Assert.Single(all, q => q.SkillId == "a");
        Assert.Equal(plan.Days.Count(d => !d.MockInterview) * 2, all.Count);
    }

    [Fact]
    public void WithNoAreasThePlanStillHasItsReviewsAndMocks()
    {
        var plan = StudyPlanner.Build(Monday, Monday.AddDays(3), [], 4, 10, Questions);
        Assert.Equal(4, plan.Today.Reviews);
        Assert.All(plan.Days, d => Assert.Empty(d.Practice));
    }
}
