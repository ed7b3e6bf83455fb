using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TpmPrep.Content.Tests.Markdown;

/// <summary>
/// CPU time used by the calling thread: unlike wall time, it hardly moves when the machine is busy, so a
/// cost ratio measured with it means the same on a loaded CI runner. Falls back to wall time off Linux.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var time) == 0)
        {
            return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
        }

        return Stopwatch.GetElapsedTime(0);
    }

    /// <summary>The least CPU time of <paramref name="runs"/> runs (after one warm-up), in milliseconds.</summary>
    public static double BestOf(int runs, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        action();
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var start = Now();
            action();
            best = Math.Min(best, (Now() - start).TotalMilliseconds);
        }

        return best;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);
}
