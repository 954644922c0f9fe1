using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Moa.Bench.Dedup;

/// <summary>
/// CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID). On a shared, overloaded machine wall time
/// measures the neighbours; thread CPU time is the per-core cost. Benchmarks run in process, so the best
/// time per case is kept here and shown by <see cref="DedupBenchmarks"/>' CPU column.
/// </summary>
internal static class ThreadCpuTime
{
    private static readonly ConcurrentDictionary<string, double> s_best = new(StringComparer.Ordinal);

    /// <summary>Seconds of CPU used by this thread, or NaN where the clock is not available.</summary>
    public static double Now()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        return clock_gettime(3, out var t) == 0 ? t.Seconds + (t.Nanoseconds / 1e9) : double.NaN;
    }

    /// <summary>Records one measured run of <paramref name="key"/>, keeping the fastest.</summary>
    public static void Record(string key, double seconds)
    {
        if (!double.IsNaN(seconds))
        {
            s_best.AddOrUpdate(key, seconds, (_, old) => Math.Min(old, seconds));
        }
    }

    public static double Best(string key) => s_best.TryGetValue(key, out var s) ? s : double.NaN;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

#pragma warning disable SYSLIB1054 // a one-off benchmark clock; DllImport keeps the bench project free of unsafe code
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clockId, out TimeSpec time);
#pragma warning restore SYSLIB1054
}
