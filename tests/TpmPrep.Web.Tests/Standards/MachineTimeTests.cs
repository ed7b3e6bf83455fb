using Microsoft.AspNetCore.Razor.TagHelpers;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Tests.Standards;

public sealed class TimesAreWrittenForMachinesInUtc
{
    [Fact]
    public void SevenFractionalDigitsBecomeMillisecondsWithZ()
    {
        var instant = new DateTime(2026, 12, 1, 7, 4, 6, DateTimeKind.Utc).AddTicks(5_008_727);

        Assert.Equal("2026-12-01T07:04:06.500Z", MachineTime.Format(instant));
    }

    [Fact]
    public void ATimeReadBackFromTheDatabaseWithoutAKindIsUtc()
    {
        var unspecified = new DateTime(2026, 11, 30, 12, 48, 0, DateTimeKind.Unspecified);

        Assert.Equal("2026-11-30T12:48:00.000Z", MachineTime.Format(unspecified));
    }

    [Fact]
    public void ALocalTimeIsConvertedToUtc()
    {
        var utc = new DateTime(2026, 6, 15, 9, 30, 15, 250, DateTimeKind.Utc);

        Assert.Equal("2026-06-15T09:30:15.250Z", MachineTime.Format(utc.ToLocalTime()));
    }

    [Fact]
    public void TheEarliestAndLatestTimesStayInRange()
    {
        Assert.Equal("0001-01-01T00:00:00.000Z", MachineTime.Format(DateTime.MinValue));
        Assert.Equal("9999-12-31T23:59:59.999Z", MachineTime.Format(DateTime.MaxValue));
    }

    [Fact]
    public void TheTagHelperWritesDatetimeAndKeepsTheViewsTitle()
    {
        var helper = new UtcTimeTagHelper { Utc = new DateTime(2026, 12, 1, 7, 4, 6, 500, DateTimeKind.Unspecified) };
        var context = new TagHelperContext([], new Dictionary<object, object>(), "t");
        var output = new TagHelperOutput("time", [new TagHelperAttribute("title", "2026-12-01 07:04 UTC")], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));

        helper.Process(context, output);

        Assert.Equal("2026-12-01T07:04:06.500Z", output.Attributes["datetime"].Value);
        Assert.Equal("2026-12-01 07:04 UTC", output.Attributes["title"].Value);
        Assert.Equal("time", output.TagName);
    }
}
