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

    /// <summary>
    /// The least CPU time of <paramref name="runs"/> runs (after one warm-up), in milliseconds. Each run starts on a
    /// collected heap inside a no-GC region where the runtime allows one, so a collection that another test's garbage
    /// made due does not land on the measured thread (it had made one input cost 30x instead of 8x on a busy runner).
    /// </summary>
    public static double BestOf(int runs, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        action();
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var noCollections = TryStartNoGcRegion();
            try
            {
                var start = Now();
                action();
                best = Math.Min(best, (Now() - start).TotalMilliseconds);
            }
            finally
            {
                EndNoGcRegion(noCollections);
            }
        }

        return best;
    }

    /// <summary>Room for the largest input's allocations (a few megabytes) with a wide margin.</summary>
    private const long NoGcRegionBytes = 128L * 1024 * 1024;

    private static bool TryStartNoGcRegion()
    {
        try
        {
            return GC.TryStartNoGCRegion(NoGcRegionBytes);
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than this runtime's ephemeral space allows: measure with collections, as before.
            return false;
        }
    }

    private static void EndNoGcRegion(bool started)
    {
        if (started && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
        }
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
