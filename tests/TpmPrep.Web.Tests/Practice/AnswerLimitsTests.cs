using TpmPrep.Web.Attempts;

namespace TpmPrep.Web.Tests.Practice;

/// <summary>The time an answer took, from the ticks its page was served at: clamped, and zero for a missing or forged value.</summary>
public sealed class AnswerLimitsTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(90, 90)]
    [InlineData(0, 0)]
    [InlineData(3 * 24 * 60 * 60, AnswerLimits.MaxTimeTakenSeconds)]
    public void SecondsSinceThePageWasServed(int secondsAgo, int expected) =>
        Assert.Equal(expected, AnswerLimits.SecondsSince(Now.AddSeconds(-secondsAgo).Ticks, Now));

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(long.MaxValue)]
    public void AMissingOrForgedStartIsZero(long ticks) => Assert.Equal(0, AnswerLimits.SecondsSince(ticks, Now));
}
