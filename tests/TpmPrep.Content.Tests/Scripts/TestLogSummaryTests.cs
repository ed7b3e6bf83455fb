using System.Diagnostics;

namespace TpmPrep.Content.Tests.Scripts;

/// <summary>The closing line of scripts/test.sh: what CI reads to tell green from red.</summary>
public sealed class TheTestScriptSummaryCountsACrashAsAFailure
{
    private const string PassedLine = "Passed!  - Failed:     0, Passed:   147, Skipped:     0, Total:   147, Duration: 3 s - TpmPrep.Content.Tests.dll (net10.0)";

    [Fact]
    public void AllPassedIsGreen()
    {
        var (exit, text) = Summarise(PassedLine, PassedLine.Replace("147", "16", StringComparison.Ordinal));

        Assert.Equal(0, exit);
        Assert.Equal("tests: 163 passed, 0 failed, 0 skipped", text);
    }

    [Fact]
    public void AnAbortedRunIsAFailureEvenWithNoFailedTest()
    {
        var (exit, text) = Summarise(
            PassedLine,
            "The active test run was aborted. Reason: Test host process crashed : Unhandled exception.",
            PassedLine.Replace("147", "16", StringComparison.Ordinal),
            "Test Run Aborted.");

        Assert.Equal(1, exit);
        Assert.Equal("tests: 163 passed, 1 failed, 0 skipped (1 test run aborted: a test host crashed)", text);
    }

    [Fact]
    public void FailedTestsAreSummed()
    {
        var (exit, text) = Summarise(PassedLine, "Failed!  - Failed:     2, Passed:    14, Skipped:     1, Total:    17, Duration: 8 s - TpmPrep.Web.Tests.dll (net10.0)");

        Assert.Equal(1, exit);
        Assert.Equal("tests: 161 passed, 2 failed, 1 skipped", text);
    }

    private static (int Exit, string Text) Summarise(params string[] lines)
    {
        var log = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(log, lines);
            using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(TestPaths.RepositoryRoot(), "scripts", "summarise-test-log.sh"), log])
            {
                RedirectStandardOutput = true,
            })!;
            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return (process.ExitCode, text);
        }
        finally
        {
            File.Delete(log);
        }
    }
}
