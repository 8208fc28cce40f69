using System.Diagnostics;
using System.Globalization;

namespace Meetup.Benchmarks;

/// <summary>
/// CPU time used so far by this process (the app and the benchmark) and by the browsers it started (on Linux, read
/// from /proc): on a shared machine, wall-clock times vary with the load, the work done much less.
/// </summary>
internal readonly record struct CpuTime(double ProcessMs, double BrowserMs)
{
    public static CpuTime Now() => new(Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds, DescendantsMs());

    public static CpuTime operator -(CpuTime later, CpuTime earlier) => new(later.ProcessMs - earlier.ProcessMs, later.BrowserMs - earlier.BrowserMs);

    public void Deconstruct(out double processMs, out double browserMs) => (processMs, browserMs) = (ProcessMs, BrowserMs);

    /// <summary>User + system time of every process below this one (Playwright's driver and the browser it launched).</summary>
    private static double DescendantsMs()
    {
        if (!Directory.Exists("/proc"))
        {
            return 0;
        }
        var parents = new Dictionary<int, int>();
        var ticks = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                // pid (comm) state ppid … utime stime: fields 4, 14 and 15; comm may hold spaces, so count after its ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var comm = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (!comm.StartsWith("chrom", StringComparison.Ordinal))
                {
                    continue;
                }
                ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }
        var self = Environment.ProcessId;
        long total = 0;
        foreach (var (pid, used) in ticks)
        {
            for (var p = parents.GetValueOrDefault(pid); p > 1; p = parents.GetValueOrDefault(p))
            {
                if (p == self)
                {
                    total += used;
                    break;
                }
            }
        }
        return total * 10.0; // USER_HZ = 100 on Linux
    }
}
