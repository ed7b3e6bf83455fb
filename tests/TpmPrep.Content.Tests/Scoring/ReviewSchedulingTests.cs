using TpmPrep.Content.Scoring;

namespace TpmPrep.Content.Tests.Scoring;

public sealed class ReviewSchedulingFollowsSm2
{
    [Theory]
    [InlineData(1.0, ReviewGrade.Again)]
    [InlineData(1.74, ReviewGrade.Again)]
    [InlineData(1.75, ReviewGrade.Hard)]
    [InlineData(2.49, ReviewGrade.Hard)]
    [InlineData(2.5, ReviewGrade.Good)]
    [InlineData(3.49, ReviewGrade.Good)]
    [InlineData(3.5, ReviewGrade.Easy)]
    [InlineData(4.0, ReviewGrade.Easy)]
    public void MapsTheRubricAverageToAGrade(double average, ReviewGrade expected)
    {
        Assert.Equal(expected, ReviewScheduling.GradeFromRubric(average));
    }

    /// <summary>The sequence worked by hand in docs/scheduling.md.</summary>
    [Fact]
    public void WorkedSequenceFromDocs()
    {
        var grades = new[] { ReviewGrade.Good, ReviewGrade.Good, ReviewGrade.Good, ReviewGrade.Easy, ReviewGrade.Hard, ReviewGrade.Again, ReviewGrade.Good };
        var expected = new[]
        {
            new ReviewState(1, 2.5, 1),
            new ReviewState(2, 2.5, 6),
            new ReviewState(3, 2.5, 15),
            new ReviewState(4, 2.6, 38),
            new ReviewState(5, 2.46, 99),
            new ReviewState(0, 2.14, 1),
            new ReviewState(1, 2.14, 1),
        };

        var state = ReviewState.New;
        for (var i = 0; i < grades.Length; i++)
        {
            state = ReviewScheduling.Next(state, grades[i]);
            Assert.Equal(expected[i], state);
        }
    }

    [Fact]
    public void EaseNeverFallsBelowOnePointThree()
    {
        var eases = new List<double>();
        var state = ReviewState.New;
        for (var i = 0; i < 6; i++)
        {
            state = ReviewScheduling.Next(state, ReviewGrade.Again);
            eases.Add(state.EaseFactor);
        }

        Assert.Equal([2.18, 1.86, 1.54, 1.3, 1.3, 1.3], eases);
        Assert.Equal(1, state.IntervalDays);
    }

    [Fact]
    public void AFirstAnswerComesBackTomorrowWhateverItsGrade()
    {
        foreach (var grade in Enum.GetValues<ReviewGrade>())
        {
            Assert.Equal(1, ReviewScheduling.Next(null, grade).IntervalDays);
        }
    }

    [Fact]
    public void EasyAnswersSpreadFasterThanHardOnes()
    {
        var easy = ReviewState.New;
        var hard = ReviewState.New;
        for (var i = 0; i < 4; i++)
        {
            easy = ReviewScheduling.Next(easy, ReviewGrade.Easy);
            hard = ReviewScheduling.Next(hard, ReviewGrade.Hard);
        }

        // Easy: 1, 6, round(6 × 2.7) = 16, round(16 × 2.8) = 45. Hard: 1, 6, round(6 × 2.22) = 13, round(13 × 2.08) = 27.
        Assert.Equal(45, easy.IntervalDays);
        Assert.Equal(27, hard.IntervalDays);
    }
}

public sealed class StreaksCountLocalDays
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly TimeZoneInfo Sydney = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTime At(string utc) => DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    [Fact]
    public void NoPracticeIsNoStreak()
    {
        Assert.Equal(new StreakSummary(0, 0, 0), Streaks.Compute([], Utc, At("2026-11-21T12:00:00")));
    }

    /// <summary>An attempt stored with the first or last date a calendar holds used to overflow the streak's day arithmetic.</summary>
    [Fact]
    public void TheFirstAndLastRepresentableDaysCountWithoutOverflow()
    {
        DateTime[] practice = [DateTime.MinValue, DateTime.MinValue.AddDays(3), DateTime.MaxValue, At("2026-11-21T08:00:00")];

        foreach (var zone in new[] { Utc, Sydney, NewYork })
        {
            var streaks = Streaks.Compute(practice, zone, At("2026-11-21T12:00:00"));

            Assert.Equal(1, streaks.Current);
            Assert.Equal(4, streaks.ActiveDays);
        }
    }

    [Fact]
    public void CountsConsecutiveDaysEndingToday()
    {
        var practice = new[] { "2026-11-19T08:00:00", "2026-11-20T08:00:00", "2026-11-20T21:00:00", "2026-11-21T07:00:00" }.Select(At);

        Assert.Equal(new StreakSummary(3, 3, 3), Streaks.Compute(practice, Utc, At("2026-11-21T12:00:00")));
    }

    [Fact]
    public void AStreakEndingYesterdayIsStillCurrentUntilTheDayEnds()
    {
        var practice = new[] { "2026-11-19T08:00:00", "2026-11-20T08:00:00" }.Select(At);

        Assert.Equal(2, Streaks.Compute(practice, Utc, At("2026-11-21T23:59:00")).Current);
        Assert.Equal(0, Streaks.Compute(practice, Utc, At("2026-11-22T00:00:00")).Current);
    }

    [Fact]
    public void AGapBreaksTheCurrentStreakButNotTheLongest()
    {
        var practice = new[] { "2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-06", "2026-11-20", "2026-11-21" }.Select(d => At(d + "T10:00:00"));

        Assert.Equal(new StreakSummary(2, 4, 7), Streaks.Compute(practice, Utc, At("2026-11-21T11:00:00")));
    }

    [Fact]
    public void DayBoundariesFollowTheCandidatesTimeZone()
    {
        // 13:30 UTC on the 20th and 12:30 UTC on the 21st: two UTC days, but in Sydney (UTC+11 in November)
        // they are 00:30 and 23:30 on the 21st, one local day.
        var practice = new[] { At("2026-11-20T13:30:00"), At("2026-11-21T12:30:00") };

        Assert.Equal(new StreakSummary(2, 2, 2), Streaks.Compute(practice, Utc, At("2026-11-21T13:00:00")));
        Assert.Equal(new StreakSummary(1, 1, 1), Streaks.Compute(practice, Sydney, At("2026-11-21T13:00:00")));
    }

    [Fact]
    public void LateEveningPracticeInNewYorkCountsForThatEvening()
    {
        // 02:00 UTC on the 21st is 21:00 on the 20th in New York (UTC-5).
        var practice = new[] { At("2026-11-20T02:00:00"), At("2026-11-21T02:00:00") };

        Assert.Equal(["2026-11-19", "2026-11-20"], practice.Select(p => Streaks.LocalDay(p, NewYork).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(2, Streaks.Compute(practice, NewYork, At("2026-11-21T03:00:00")).Current);
    }

    [Fact]
    public void ADaylightSavingChangeDoesNotSplitOrMergeDays()
    {
        // New York leaves daylight saving on 1 November 2026 at 02:00 local time.
        var practice = new[] { At("2026-10-31T14:00:00"), At("2026-11-01T14:00:00"), At("2026-11-02T14:00:00") };

        Assert.Equal(new StreakSummary(3, 3, 3), Streaks.Compute(practice, NewYork, At("2026-11-02T20:00:00")));
    }
}

/// <summary>However often and however well a question is graded, its schedule stays within the caps and its dates in range.</summary>
public sealed class AReviewScheduleStaysInRange
{
    public static TheoryData<string> Patterns() =>
    [
        "Good", "Easy", "Hard", "Again", "Good,Easy", "Easy,Easy,Again", "Hard,Good,Easy", "Again,Easy", "Easy,Hard",
    ];

    [Theory]
    [MemberData(nameof(Patterns))]
    public void HundredsOfReviewsInAFixedPatternStayWithinTheCaps(string pattern)
    {
        var grades = pattern.Split(',').Select(Enum.Parse<ReviewGrade>).ToArray();
        AssertInRange(Enumerable.Range(0, 600).Select(i => grades[i % grades.Length]));
    }

    [Fact]
    public void HundredsOfReviewsInRandomOrderStayWithinTheCaps()
    {
        for (var seed = 1; seed <= 50; seed++)
        {
            var random = new Random(seed);
            AssertInRange(Enumerable.Range(0, 400).Select(_ => (ReviewGrade)random.Next(4)));
        }
    }

    [Theory]
    [InlineData(int.MaxValue, 1e9, int.MaxValue)]
    [InlineData(-5, double.NaN, -10)]
    [InlineData(3, double.PositiveInfinity, 2_270_520)]
    public void AnImpossibleImportedStateComesBackInRange(int repetitions, double ease, int interval)
    {
        foreach (var grade in Enum.GetValues<ReviewGrade>())
        {
            var next = ReviewScheduling.Next(new ReviewState(repetitions, ease, interval), grade);

            Assert.InRange(next.IntervalDays, 1, ReviewScheduling.MaximumIntervalDays);
            Assert.InRange(next.EaseFactor, ReviewScheduling.MinimumEase, ReviewScheduling.MaximumEase);
            Assert.True(next.Repetitions >= 0);
        }
    }

    private static void AssertInRange(IEnumerable<ReviewGrade> grades)
    {
        var state = ReviewState.New;
        var graded = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
        foreach (var grade in grades)
        {
            state = ReviewScheduling.Next(state, grade);
            Assert.InRange(state.IntervalDays, 1, ReviewScheduling.MaximumIntervalDays);
            Assert.InRange(state.EaseFactor, ReviewScheduling.MinimumEase, ReviewScheduling.MaximumEase);
            var due = graded.AddDays(state.IntervalDays);
            Assert.True(due > graded);
            // Reviewed on the day it falls due, as a diligent candidate does.
            graded = due;
        }
    }
}
